package com.escalationrca.store;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where a running embedded server listens, as its {@code postmaster.pid} says: the port (line 4),
 * the socket folder (line 5, empty for a server started by a version that listened on TCP only)
 * and the TCP address (line 6, empty when it listens on its socket only).
 *
 * @param port       the port: of the TCP listener, and in the socket's file name
 * @param socket     the socket file, or null when the server has none
 * @param tcp        whether it listens on localhost TCP too
 */
public record Endpoint(int port, Path socket, boolean tcp) {

  /** junixsocket's factory for PostgreSQL's driver: it connects to the file named by {@code socketFactoryArg}. */
  private static final String SOCKET_FACTORY = "org.newsclub.net.unix.AFUNIXSocketFactory$FactoryArg";

  static Endpoint of(Path data) throws IOException {
    Path pid = data.resolve("postmaster.pid");
    List<String> lines = Files.readAllLines(pid);
    if (lines.size() < 6) {
      throw new IllegalStateException(pid + " does not say where the server listens (" + lines.size() + " lines)");
    }
    int port = Integer.parseInt(lines.get(3).strip());
    String folder = lines.get(4).strip();
    boolean tcp = !lines.get(5).strip().isEmpty();
    return new Endpoint(port, folder.isEmpty() ? null : Path.of(folder).resolve(SocketFolder.socketName(port)), tcp);
  }

  /** The TCP port on localhost, or 0 when the server listens on its socket only. */
  public int tcpPort() {
    return tcp ? port : 0;
  }

  /** The socket when there is one (never reachable from another host or user), else localhost TCP. */
  public String jdbcUrl() {
    String server = "jdbc:postgresql://localhost:" + port + "/postgres";
    return socket == null ? server
        : server + "?socketFactory=" + SOCKET_FACTORY + "&socketFactoryArg="
            + URLEncoder.encode(socket.toString(), StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return (socket == null ? "" : "on socket " + socket) + (socket != null && tcp ? " and " : "")
        + (tcp ? "on localhost:" + port : "");
  }
}
