package com.escalationrca.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL listens on a Unix socket in an owner-only folder and on no TCP port, so
 * no neighbour on the host can reach it; TCP on localhost only when asked for.
 */
class EmbeddedServerListensTest {

  @TempDir
  Path folder;

  @Test
  void byDefaultOnlyOnASocketInAnOwnerOnlyFolderBesideTheData() throws Exception {
    try (EmbeddedServer server = EmbeddedServer.acquire(folder.resolve("postgres"))) {
      Path sockets = folder.resolve("postgres.socket");
      assertThat(server.endpoint().tcp()).isFalse();
      assertThat(server.endpoint().socket()).isEqualTo(sockets.resolve(".s.PGSQL.5432")).exists();
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(sockets))).isEqualTo("rwx------");
      assertThat(setting(server, "listen_addresses")).isEmpty();
      assertThat(setting(server, "unix_socket_directories")).isEqualTo(sockets.toString());
    }
  }

  @Test
  void onLocalhostTcpToo_whenAPortIsAskedFor() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    try (EmbeddedServer server = EmbeddedServer.acquire(folder.resolve("postgres"), port)) {
      assertThat(server.endpoint().tcpPort()).isEqualTo(port);
      assertThat(setting(server, "listen_addresses")).isEqualTo("localhost");
      try (Connection tcp = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres",
          server.user(), server.password())) {
        assertThat(tcp.isValid(5)).isTrue();
      }
      // A second command on the folder shares it, TCP included.
      try (EmbeddedServer shared = EmbeddedServer.acquire(folder.resolve("postgres"))) {
        assertThat(shared.startedHere()).isFalse();
        assertThat(shared.endpoint()).isEqualTo(server.endpoint());
      }
    }
  }

  @Test
  void aFolderTooDeepForASocketPathPutsTheSocketInAnOwnerOnlyTemporaryFolder() throws Exception {
    Path deep = folder.resolve("a".repeat(60)).resolve("b".repeat(60)).resolve("postgres");
    Files.createDirectories(deep.getParent());
    Path expected = SocketFolder.of(deep, 5432);
    try (EmbeddedServer server = EmbeddedServer.acquire(deep)) {
      assertThat(server.endpoint().socket().getParent()).isEqualTo(expected);
      assertThat(expected).startsWith(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath());
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(expected))).isEqualTo("rwx------");
      assertThat(setting(server, "listen_addresses")).isEmpty();
    } finally {
      Files.deleteIfExists(expected);
    }
  }

  @Test
  void aTemporarySocketFolderThatIsALinkIsRefused() throws Exception {
    Path deep = folder.resolve("c".repeat(60)).resolve("d".repeat(60)).resolve("postgres");
    Files.createDirectories(deep.getParent());
    Path planted = SocketFolder.of(deep, 5432);
    Files.delete(planted);
    Files.createSymbolicLink(planted, Files.createDirectory(folder.resolve("elsewhere")));
    try {
      assertThatThrownBy(() -> EmbeddedServer.acquire(deep)).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(planted.toString()).hasMessageContaining("must be a folder");
    } finally {
      Files.deleteIfExists(planted);
    }
  }

  private static String setting(EmbeddedServer server, String name) throws IOException {
    try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
         Statement statement = connection.createStatement();
         ResultSet result = statement.executeQuery("select setting from pg_settings where name = '" + name + "'")) {
      result.next();
      return result.getString(1);
    } catch (java.sql.SQLException e) {
      throw new IOException(e);
    }
  }
}
