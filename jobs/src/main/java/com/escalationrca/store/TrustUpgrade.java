package com.escalationrca.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Upgrades a data folder made by an earlier version, whose server trusted every local connection:
 * the superuser gets the folder's secret as its password, every {@code trust} rule of
 * {@code pg_hba.conf} becomes {@code scram-sha-256}, and the server reloads its rules. Each part can
 * be repeated, so a command killed half-way leaves a folder the next one finishes upgrading.
 */
final class TrustUpgrade {

  private static final Logger log = LoggerFactory.getLogger(TrustUpgrade.class);
  private static final Pattern TRUST = Pattern.compile("\\btrust\\s*$");

  private TrustUpgrade() {
  }

  static void apply(Path data, String jdbcUrl, String password) throws IOException {
    Path rules = data.resolve("pg_hba.conf");
    List<String> lines = Files.readAllLines(rules, StandardCharsets.UTF_8);
    if (lines.stream().noneMatch(TrustUpgrade::trusting)) {
      return;
    }
    try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", password); Statement statement = connection.createStatement()) {
      statement.execute("set password_encryption = 'scram-sha-256'");
      // The secret is URL-safe Base64: nothing in it needs quoting but the quotes themselves.
      statement.execute("alter role postgres password '" + password.replace("'", "''") + "'");
      Path written = Files.createTempFile(data, "pg_hba.conf", ".new",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.write(written, lines.stream()
          .map(line -> trusting(line) ? TRUST.matcher(line).replaceFirst("scram-sha-256") : line).toList());
      Files.move(written, rules, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      statement.execute("select pg_reload_conf()");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot upgrade the embedded PostgreSQL in " + data
          + " to password authentication: " + e.getMessage(), e);
    }
    log.info("The embedded PostgreSQL in {} trusted every local connection: it now asks for the password in {}",
        data, ServerSecret.file(data));
  }

  private static boolean trusting(String line) {
    String rule = line.strip();
    return !rule.isEmpty() && !rule.startsWith("#") && TRUST.matcher(rule).find();
  }
}
