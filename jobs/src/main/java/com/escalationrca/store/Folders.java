package com.escalationrca.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/** File-system operations on the folders the job writes (reports, index rebuilds, benchmarks). */
public final class Folders {

  private Folders() {
  }

  /** Deletes a folder and everything in it; a missing folder is not an error. */
  public static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
