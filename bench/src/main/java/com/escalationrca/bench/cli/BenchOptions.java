package com.escalationrca.bench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import picocli.CommandLine.Option;

/** Options the benchmarks share, as picocli mixins: said once, named the same in every command. */
final class BenchOptions {

  private BenchOptions() {
  }

  /** The seed of the generated data, so a figure can be reproduced. */
  static final class Seed {
    @Option(names = "--seed", defaultValue = "1", description = "Random seed of the generated data (default: ${DEFAULT-VALUE}).")
    long value;
  }

  /** Where a benchmark writes its indexes, data and reports. */
  static final class WorkDir {
    @Option(names = "--work-dir", paramLabel = "DIR",
        description = "Where the benchmark's indexes, data and reports go (default: a temporary folder, deleted after).")
    Path dir;

    /** Work that needs the folder. */
    interface Work<T> {
      T in(Path dir) throws Exception;
    }

    /** Runs {@code work} in the folder given, or in a new temporary one deleted after. */
    <T> T use(String prefix, Work<T> work) throws Exception {
      Path folder = orTemporary(prefix);
      try {
        return work.in(folder);
      } finally {
        if (dir == null) {
          com.escalationrca.store.Folders.deleteRecursively(folder);
        }
      }
    }

    /** The folder given, or a new temporary one (deleted by the caller when {@link #dir} is null). */
    Path orTemporary(String prefix) throws IOException {
      return dir != null ? dir : Files.createTempDirectory(prefix);
    }
  }
}
