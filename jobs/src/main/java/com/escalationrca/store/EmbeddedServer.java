package com.escalationrca.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL 17 server running from a data folder ({@code DATA_DIR/postgres}), shared by every
 * command that uses the folder and as durable as any PostgreSQL: fsync, synchronous commit and
 * full-page writes keep their defaults, on.
 * <ul>
 *   <li>The server is started detached by {@code pg_ctl}, so it outlives nothing it should not:
 *   it belongs to no one command.</li>
 *   <li>Each command registers as a user: a file in {@code DATA_DIR/postgres.users/} that it holds
 *   under an operating-system lock while it lives. The operating system drops the lock when the
 *   process ends, however it ends ({@code kill -9} included), so a dead user is recognised by its
 *   lock being free.</li>
 *   <li>Starting and stopping happen under one guard lock ({@code DATA_DIR/postgres.guard}): a
 *   second command waits while the first starts the server, then shares it.</li>
 *   <li>The last user to leave stops the server. A server left running by a killed command is
 *   adopted by the next one, which stops it when it is done.</li>
 * </ul>
 * The server listens on a Unix socket in an owner-only folder, {@code DATA_DIR/postgres.socket/}
 * ({@link SocketFolder}), and on no TCP port unless one is asked for ({@code rca.storage.tcp-port}:
 * then on localhost only); later users read where from {@code postmaster.pid}. Its log goes to
 * {@code DATA_DIR/postgres.log}. Every connection needs the
 * {@code postgres} user's password (scram-sha-256): a random secret generated into
 * {@code DATA_DIR/postgres.secret} (owner-only, 0600) when the folder is created, and read by every
 * command on the folder, so another local user or a sidecar cannot connect as the superuser. A
 * folder created by an earlier version, which trusted every local connection, is upgraded in place
 * the first time a command uses it.
 */
public final class EmbeddedServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedServer.class);
  private static final AtomicLong REGISTRATIONS = new AtomicLong();
  private static final int START_SECONDS = 120;
  /** The port number in the socket's name when no TCP port is asked for (the folder is private). */
  private static final int SOCKET_PORT = 5432;

  private final Path data;
  private final Path bin;
  private final Path userFile;
  private final FileChannel userChannel;
  private final FileLock userLock;
  private final Endpoint endpoint;
  private final boolean started;
  private final String password;

  private EmbeddedServer(Path data, Path bin, Path userFile, FileChannel userChannel, FileLock userLock,
                         Endpoint endpoint, boolean started, String password) {
    this.data = data;
    this.bin = bin;
    this.userFile = userFile;
    this.userChannel = userChannel;
    this.userLock = userLock;
    this.endpoint = endpoint;
    this.started = started;
    this.password = password;
  }

  /**
   * Joins the server of this data folder, starting it (and creating the cluster on first use) when
   * no one runs it.
   */
  public static EmbeddedServer acquire(Path dataDirectory) {
    return acquire(dataDirectory, 0);
  }

  /**
   * As {@link #acquire(Path)}; when the server starts here and {@code tcpPort} is positive, it also
   * listens on localhost at that port (0: on its Unix socket only).
   */
  public static EmbeddedServer acquire(Path dataDirectory, int tcpPort) {
    Path data = dataDirectory.toAbsolutePath();
    try {
      Files.createDirectories(usersFolder(data));
      Path bin = PostgresBinaries.installed().resolve("bin");
      try (FileChannel guardChannel = guard(data); FileLock ignored = guardChannel.lock()) {
        removeDeadUsers(data);
        Path userFile = usersFolder(data).resolve(ProcessHandle.current().pid() + "-" + REGISTRATIONS.incrementAndGet());
        FileChannel userChannel = FileChannel.open(userFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock userLock = userChannel.lock();
        userChannel.write(java.nio.ByteBuffer.wrap(description().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        try {
          boolean start = !running(bin, data);
          boolean created = !Files.exists(data.resolve("PG_VERSION"));
          String password = ServerSecret.of(data);
          if (start) {
            if (created) {
              initdb(bin, data, ServerSecret.file(data));
            }
            int port = tcpPort > 0 ? tcpPort : SOCKET_PORT;
            start(bin, data, port, tcpPort > 0, SocketFolder.of(data, port));
          }
          Endpoint endpoint = Endpoint.of(data);
          if (!start && tcpPort > 0 && endpoint.tcpPort() != tcpPort) {
            log.warn("The embedded PostgreSQL in {} already runs {}; TCP port {} takes effect when it next starts",
                data, endpoint, tcpPort);
          }
          waitUntilAccepting(endpoint, data, password);
          TrustUpgrade.apply(data, endpoint.jdbcUrl(), password);
          log.info("Embedded PostgreSQL {} with data in {} ({})", endpoint, data,
              start ? "started" : "shared with a running server");
          return new EmbeddedServer(data, bin, userFile, userChannel, userLock, endpoint, start, password);
        } catch (RuntimeException e) {
          userLock.release();
          userChannel.close();
          Files.deleteIfExists(userFile);
          stopUnused(bin, data);
          throw e;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + data + ": " + e.getMessage(), e);
    }
  }

  /** Where the server listens: its socket, and a TCP port on localhost when one was asked for. */
  public Endpoint endpoint() {
    return endpoint;
  }

  public String jdbcUrl() {
    return endpoint.jdbcUrl();
  }

  /** The superuser every command connects as. */
  public String user() {
    return "postgres";
  }

  /** The superuser's password, from {@code DATA_DIR/postgres.secret}. */
  public String password() {
    return password;
  }

  /** Whether this command started the server (rather than sharing one already running). */
  public boolean startedHere() {
    return started;
  }

  /** Leaves the server; the last user to leave stops it. */
  @Override
  public void close() {
    try (FileChannel guardChannel = guard(data); FileLock ignored = guardChannel.lock()) {
      userLock.release();
      userChannel.close();
      Files.deleteIfExists(userFile);
      removeDeadUsers(data);
      List<Path> others = liveUsers(data);
      if (others.isEmpty()) {
        if (running(bin, data)) {
          pgCtl(bin, List.of("stop", "-D", data.toString(), "-m", "fast", "-w", "-t", String.valueOf(START_SECONDS), "-s"),
              "stop");
          log.info("Embedded PostgreSQL in {} stopped", data);
        }
      } else {
        log.info("Embedded PostgreSQL in {} left running for {} other user(s)", data, others.size());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stop the embedded PostgreSQL in " + data + ": " + e.getMessage(), e);
    }
  }

  /** Stops a server no live command uses (one this command started before failing to join it). */
  private static void stopUnused(Path bin, Path data) {
    try {
      if (liveUsers(data).isEmpty() && running(bin, data)) {
        pgCtl(bin, List.of("stop", "-D", data.toString(), "-m", "fast", "-w", "-t", String.valueOf(START_SECONDS), "-s"),
            "stop");
      }
    } catch (RuntimeException e) {
      log.warn("Cannot stop the embedded PostgreSQL in {} after a failed start: {}", data, e.getMessage());
    }
  }

  /** The processes using the server now: one line each (pid, command), for messages. */
  public static List<String> users(Path dataDirectory) {
    List<String> lines = new ArrayList<>();
    for (Path user : liveUsers(dataDirectory.toAbsolutePath())) {
      try {
        lines.add(Files.readString(user).strip());
      } catch (IOException e) {
        lines.add(user.getFileName().toString());
      }
    }
    return lines;
  }

  private static Path usersFolder(Path data) {
    return data.resolveSibling(data.getFileName() + ".users");
  }

  private static FileChannel guard(Path data) throws IOException {
    return FileChannel.open(data.resolveSibling(data.getFileName() + ".guard"), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE);
  }

  private static String description() {
    ProcessHandle self = ProcessHandle.current();
    String command = self.info().commandLine().orElse("java");
    return "pid " + self.pid() + ": " + (command.length() > 200 ? command.substring(0, 200) + "…" : command);
  }

  /** Users whose lock is held: by a live process (or by this one, for another registration). */
  private static List<Path> liveUsers(Path data) {
    List<Path> live = new ArrayList<>();
    try (var files = Files.list(usersFolder(data))) {
      for (Path user : files.sorted().toList()) {
        if (held(user)) {
          live.add(user);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the users of " + data + ": " + e.getMessage(), e);
    }
    return live;
  }

  private static void removeDeadUsers(Path data) throws IOException {
    try (var files = Files.list(usersFolder(data))) {
      for (Path user : files.toList()) {
        if (!held(user)) {
          Files.deleteIfExists(user);
        }
      }
    }
  }

  private static boolean held(Path user) {
    try (FileChannel channel = FileChannel.open(user, StandardOpenOption.WRITE)) {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        return true;
      }
      lock.release();
      return false;
    } catch (OverlappingFileLockException e) {
      return true; // held by this very process
    } catch (java.nio.file.NoSuchFileException e) {
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot check " + user + ": " + e.getMessage(), e);
    }
  }

  private static boolean running(Path bin, Path data) {
    if (!Files.exists(data.resolve("postmaster.pid"))) {
      return false;
    }
    // pg_ctl status: 0 running, 3 not running (a stale postmaster.pid from a crash included).
    return run(bin, List.of("status", "-D", data.toString())) == 0;
  }

  private static void initdb(Path bin, Path data, Path secret) throws IOException {
    Files.createDirectories(data);
    List<String> command = new ArrayList<>(asUnprivileged());
    command.addAll(List.of(bin.resolve("initdb").toString(), "-A", "scram-sha-256", "--pwfile=" + secret, "-U",
        "postgres", "-D", data.toString(), "-E", "UTF8", "--locale=C"));
    int exit = exec(command, data.resolveSibling(data.getFileName() + ".log"));
    if (exit != 0) {
      throw new IllegalStateException("cannot create the embedded PostgreSQL cluster in " + data
          + " (initdb exited with " + exit + "): " + lastLine(data));
    }
  }

  /**
   * Starts the server on its socket in {@code socketFolder} (a plain path: {@link SocketFolder}
   * guarantees it, as pg_ctl hands the options to a shell), and on localhost TCP only when asked.
   */
  private static void start(Path bin, Path data, int port, boolean tcp, Path socketFolder) {
    ownerOnly(data);
    pgCtl(bin, List.of("start", "-D", data.toString(), "-w", "-t", String.valueOf(START_SECONDS), "-s",
        "-l", data.resolveSibling(data.getFileName() + ".log").toString(),
        "-o", "-c port=" + port + " -c listen_addresses=" + (tcp ? "localhost" : "''")
            + " -c unix_socket_directories=" + socketFolder + " -c unix_socket_permissions=0700"), "start");
  }

  /**
   * PostgreSQL refuses a data folder others may read (it holds everything); a folder restored from a
   * backup or copied often loses its 0700, so it is set back before starting.
   */
  private static void ownerOnly(Path data) {
    try {
      var permissions = Files.getPosixFilePermissions(data);
      var owner = java.nio.file.attribute.PosixFilePermissions.fromString("rwx------");
      if (!permissions.equals(owner)) {
        Files.setPosixFilePermissions(data, owner);
        log.info("Set {} to owner-only (0700), as PostgreSQL requires; it was {}", data,
            java.nio.file.attribute.PosixFilePermissions.toString(permissions));
      }
    } catch (IOException | UnsupportedOperationException e) {
      log.warn("Cannot set {} to owner-only (0700): {}", data, e.getMessage());
    }
  }

  private static void pgCtl(Path bin, List<String> arguments, String what) {
    int exit = run(bin, arguments);
    if (exit != 0) {
      Path data = Path.of(arguments.get(arguments.indexOf("-D") + 1));
      throw new IllegalStateException("cannot " + what + " the embedded PostgreSQL in " + data + " (pg_ctl exited with "
          + exit + "): " + lastLine(data));
    }
  }

  private static int run(Path bin, List<String> arguments) {
    List<String> command = new ArrayList<>(asUnprivileged());
    command.add(bin.resolve("pg_ctl").toString());
    command.addAll(arguments);
    try {
      return exec(command, null);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run pg_ctl: " + e.getMessage(), e);
    }
  }

  private static int exec(List<String> command, Path output) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectOutput(output == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.appendTo(output.toFile()));
    Process process = builder.start();
    try {
      if (!process.waitFor(START_SECONDS + 30L, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException(command.get(0) + " did not finish in " + (START_SECONDS + 30) + " s");
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running " + command.get(0), e);
    }
  }

  /**
   * PostgreSQL refuses to run as root. As root (containers, CI), the binaries run in a user namespace
   * of their own ({@code unshare -U}), where the process and the data folder both belong to the
   * unmapped user: PostgreSQL sees an unprivileged owner of its data, as it requires.
   */
  private static List<String> asUnprivileged() {
    return Privileges.ROOT ? List.of("unshare", "-U") : List.of();
  }

  /** Whether this process runs as root, checked once. */
  private static final class Privileges {
    static final boolean ROOT = root();

    private static boolean root() {
      try {
        Process id = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
        String uid = new String(id.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        id.waitFor(10, TimeUnit.SECONDS);
        return uid.equals("0");
      } catch (IOException e) {
        return false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }

  private static void waitUntilAccepting(Endpoint endpoint, Path data, String password) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
    SQLException last = null;
    while (System.nanoTime() < deadline) {
      try (Connection ignored = DriverManager.getConnection(endpoint.jdbcUrl(), "postgres", password)) {
        return;
      } catch (SQLException e) {
        if ("28P01".equals(e.getSQLState())) {
          throw new IllegalStateException("the embedded PostgreSQL in " + data + " refuses the password in "
              + ServerSecret.file(data) + " (was the file replaced?): " + e.getMessage(), e);
        }
        last = e;
        try {
          Thread.sleep(200);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    throw new IllegalStateException("the embedded PostgreSQL in " + data + " does not accept connections "
        + endpoint + ": " + (last == null ? "" : last.getMessage()));
  }

  /** The last line of the server's log, which says why a start failed. */
  private static String lastLine(Path data) {
    Path logFile = data.resolveSibling(data.getFileName() + ".log");
    try {
      List<String> lines = Files.exists(logFile) ? Files.readAllLines(logFile) : List.of();
      return lines.isEmpty() ? "see " + logFile : lines.get(lines.size() - 1).strip() + " (" + logFile + ")";
    } catch (IOException e) {
      return "see " + logFile;
    }
  }
}
