package com.escalationrca.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL lets in only who holds the folder's secret, and a folder made when it
 * trusted every local connection is upgraded in place, its data kept.
 */
class EmbeddedServerAuthTest {

  @TempDir
  Path folder;

  @Test
  void aNewFolderAsksForThePasswordInItsOwnerOnlySecret() throws Exception {
    Path data = folder.resolve("postgres");
    try (EmbeddedServer server = EmbeddedServer.acquire(data)) {
      Path secret = folder.resolve("postgres.secret");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).isEqualTo("rw-------");
      assertThat(Files.readString(secret).strip()).isEqualTo(server.password()).hasSizeGreaterThanOrEqualTo(40);

      assertRefused(server, "");
      assertRefused(server, "postgres");
      try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password())) {
        assertThat(connection.isValid(5)).isTrue();
      }
      assertThat(activeRules(data)).isNotEmpty().noneMatch(rule -> rule.endsWith("trust"))
          .allMatch(rule -> rule.endsWith("scram-sha-256"));
    }
    // A second command on the folder reads the same secret.
    try (EmbeddedServer again = EmbeddedServer.acquire(data)) {
      assertThat(again.password()).isEqualTo(Files.readString(folder.resolve("postgres.secret")).strip());
    }
  }

  @Test
  void aFolderThatTrustedEveryLocalConnectionIsUpgradedInPlace() throws Exception {
    Path data = folder.resolve("postgres");
    try (EmbeddedServer server = EmbeddedServer.acquire(data);
         Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
         Statement statement = connection.createStatement()) {
      statement.execute("create table kept (note text)");
      statement.execute("insert into kept values ('from before the upgrade')");
    }
    // As an earlier version left it: every rule trust, no secret file.
    Path rules = data.resolve("pg_hba.conf");
    Files.write(rules, Files.readAllLines(rules).stream().map(line -> line.replace("scram-sha-256", "trust")).toList());
    Files.delete(folder.resolve("postgres.secret"));

    try (EmbeddedServer server = EmbeddedServer.acquire(data)) {
      assertThat(activeRules(data)).noneMatch(rule -> rule.endsWith("trust"));
      assertThat(folder.resolve("postgres.secret")).exists();
      assertRefused(server, "");
      try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
           Statement statement = connection.createStatement();
           var kept = statement.executeQuery("select note from kept")) {
        assertThat(kept.next()).isTrue();
        assertThat(kept.getString(1)).isEqualTo("from before the upgrade");
      }
    }
  }

  @Test
  void aReplacedSecretIsSaidInPlainWords() throws Exception {
    Path data = folder.resolve("postgres");
    try (EmbeddedServer ignored = EmbeddedServer.acquire(data)) {
      // created and stopped
    }
    Files.writeString(folder.resolve("postgres.secret"), "not-the-password");
    assertThatThrownBy(() -> EmbeddedServer.acquire(data)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("refuses the password in").hasMessageContaining("postgres.secret");
  }

  private static void assertRefused(EmbeddedServer server, String password) {
    assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), server.user(), password).close())
        .isInstanceOf(SQLException.class)
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isIn("28P01", "08004"));
  }

  private static List<String> activeRules(Path data) throws Exception {
    return Files.readAllLines(data.resolve("pg_hba.conf")).stream().map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
  }
}
