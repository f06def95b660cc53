package com.escalationrca.store;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the job keeps its state: the embedded PostgreSQL cluster and the Lucene index live under
 * {@code dataDir}; each run writes {@code reportsDir/<run-date>/}. The embedded PostgreSQL listens on
 * a Unix socket in the data folder only, and also on {@code localhost:tcpPort} when that is set (for
 * a BI tool or psql that cannot use the socket).
 */
@ConfigurationProperties("rca.storage")
public record StorageProperties(@DefaultValue("data") Path dataDir,
                                @DefaultValue("reports") Path reportsDir,
                                @DefaultValue("0") int tcpPort) {

  @ConstructorBinding
  public StorageProperties {
    if (tcpPort < 0 || tcpPort > 65535) {
      throw new IllegalArgumentException("rca.storage.tcp-port must be a port (1-65535), or 0 for the Unix socket only;"
          + " it is " + tcpPort);
    }
  }

  public StorageProperties(Path dataDir, Path reportsDir) {
    this(dataDir, reportsDir, 0);
  }

  public Path postgresDir() {
    return dataDir.resolve("postgres");
  }

  public Path indexDir() {
    return dataDir.resolve("index");
  }
}
