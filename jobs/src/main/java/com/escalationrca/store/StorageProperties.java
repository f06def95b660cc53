package com.escalationrca.store;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the job keeps its state: the embedded PostgreSQL cluster and the Lucene index live under
 * {@code dataDir}; each run writes {@code reportsDir/<run-date>/}.
 */
@ConfigurationProperties("rca.storage")
public record StorageProperties(@DefaultValue("data") Path dataDir,
                                @DefaultValue("reports") Path reportsDir) {

  public Path postgresDir() {
    return dataDir.resolve("postgres");
  }

  public Path indexDir() {
    return dataDir.resolve("index");
  }
}
