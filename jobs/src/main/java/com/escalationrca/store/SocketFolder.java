package com.escalationrca.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Where the embedded server's Unix socket lives: {@code DATA_DIR/postgres.socket/}, owner-only.
 * A socket's path is limited to 107 bytes by the kernel, and PostgreSQL takes the folder on its
 * command line; a data folder too deep for that, or named with characters the command line would
 * split, gets an owner-only folder in the temporary directory instead, named after a hash of the
 * data folder so every command on it finds the same one.
 */
final class SocketFolder {

  /** The socket's file name for a port: {@code .s.PGSQL.5432}. */
  static String socketName(int port) {
    return ".s.PGSQL." + port;
  }

  private static final int SUN_PATH_MAX = 107;
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9/._+-]+");

  private SocketFolder() {
  }

  /** The folder for this data folder's socket, created owner-only when missing. */
  static Path of(Path data, int port) throws IOException {
    Path beside = data.resolveSibling(data.getFileName() + ".socket");
    Path folder = usable(beside, port) ? beside : inTemporaryDirectory(data);
    prepare(folder, data);
    return folder;
  }

  static boolean usable(Path folder, int port) {
    String path = folder.resolve(socketName(port)).toString();
    return PLAIN.matcher(folder.toString()).matches()
        && path.getBytes(StandardCharsets.UTF_8).length <= SUN_PATH_MAX;
  }

  private static Path inTemporaryDirectory(Path data) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(data.toString().getBytes(StandardCharsets.UTF_8));
      return Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath()
          .resolve("rca-postgres-" + HexFormat.of().formatHex(hash, 0, 8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }

  /**
   * Creates the folder owner-only, or checks that an existing one is a real folder of the data
   * folder's owner that no one else can enter: a folder in a shared temporary directory could have
   * been made by someone waiting for the socket.
   */
  private static void prepare(Path folder, Path data) throws IOException {
    try {
      Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } catch (FileAlreadyExistsException e) {
      // checked below
    }
    if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
      throw new IllegalStateException(folder + " must be a folder for the embedded PostgreSQL's socket; it is not");
    }
    Object owner = Files.getAttribute(folder, "unix:uid", LinkOption.NOFOLLOW_LINKS);
    Object dataOwner = Files.getAttribute(data.getParent(), "unix:uid");
    if (!owner.equals(dataOwner)) {
      throw new IllegalStateException(folder + " belongs to another user (uid " + owner + "): the embedded PostgreSQL"
          + " will not put its socket there; remove it or give the data folder a shorter path");
    }
    var permissions = Files.getPosixFilePermissions(folder, LinkOption.NOFOLLOW_LINKS);
    var ownerOnly = PosixFilePermissions.fromString("rwx------");
    if (!permissions.equals(ownerOnly)) {
      Files.setPosixFilePermissions(folder, ownerOnly);
    }
  }
}
