package com.escalationrca.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import com.escalationrca.bench.cli.BenchCommand;
import com.escalationrca.docs.DocsTest;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every benchmark command and option is described in its own section of docs/benchmarks.md. */
class BenchDocsTest {

  @Test
  void everyBenchmarkCommandAndOptionIsInItsSectionOfTheBenchmarksPage() throws Exception {
    assertThat(DocsTest.undocumented(new CommandLine(new BenchCommand()).getCommandSpec(), "rca-bench",
        Path.of("docs", "benchmarks.md"))).as("benchmark commands and options missing from docs/benchmarks.md").isEmpty();
  }
}
