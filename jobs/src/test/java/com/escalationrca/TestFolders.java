package com.escalationrca;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A fresh temporary folder for a test's data folder, reports and fixtures. */
public final class TestFolders {

  private TestFolders() {
  }

  /** Points a Spring test context's data folder and reports at {@code root}/data and {@code root}/reports. */
  public static void storage(org.springframework.test.context.DynamicPropertyRegistry registry, Path root) {
    registry.add("rca.storage.data-dir", () -> root.resolve("data").toString());
    registry.add("rca.storage.reports-dir", () -> root.resolve("reports").toString());
  }

  public static Path temporary(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
