package com.escalationrca.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The embedded server's superuser password: {@code DATA_DIR/postgres.secret}, 32 random bytes
 * (URL-safe Base64), readable by its owner only. Made once, by the first command on a folder,
 * under the server's guard lock; every later command reads it.
 */
final class ServerSecret {

  private static final SecureRandom RANDOM = new SecureRandom();

  private ServerSecret() {
  }

  static Path file(Path data) {
    return data.resolveSibling(data.getFileName() + ".secret");
  }

  /** The folder's secret, generated now when it has none. */
  static String of(Path data) throws IOException {
    Path file = file(data);
    if (Files.exists(file)) {
      String secret = Files.readString(file, StandardCharsets.UTF_8).strip();
      if (secret.isEmpty()) {
        throw new IllegalStateException(file + " is empty: it must hold the embedded PostgreSQL's password");
      }
      return secret;
    }
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Path written = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".new",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(written, secret, StandardCharsets.UTF_8);
    Files.move(written, file, StandardCopyOption.ATOMIC_MOVE);
    return secret;
  }
}
