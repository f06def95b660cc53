package com.escalationrca.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** Options every command that touches stored state shares (the bench jar's commands too). */
public final class StorageOptions {

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Folder of the embedded PostgreSQL and the Lucene index (default: ${DEFAULT-VALUE}).")
  public Path dataDir = Path.of("data");

  @Option(names = "--reports-dir", paramLabel = "DIR",
      description = "Folder the reports are written to, one sub-folder per run date (default: ${DEFAULT-VALUE}).")
  public Path reportsDir = Path.of("reports");

  /** A data folder {@code root}/data and reports {@code root}/reports, as the benchmarks keep them. */
  public static StorageOptions under(Path root) {
    StorageOptions storage = new StorageOptions();
    storage.dataDir = root.resolve("data");
    storage.reportsDir = root.resolve("reports");
    return storage;
  }
}
