package com.escalationrca.cli;

import java.nio.file.Path;

/**
 * How messages name the database a command uses: the configured URL (without its query, where a
 * password could hide), or the embedded server of the data folder.
 */
final class DatabaseName {

  private DatabaseName() {
  }

  static String of(Path dataDir) {
    String url = System.getProperty("spring.datasource.url", System.getenv("SPRING_DATASOURCE_URL"));
    if (url != null && !url.isBlank()) {
      int query = url.indexOf('?');
      return query < 0 ? url : url.substring(0, query);
    }
    return "the embedded PostgreSQL in " + dataDir.resolve("postgres");
  }
}
