package com.escalationrca.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import com.escalationrca.ingest.EscalationImporter;
import com.escalationrca.ingest.ImportLedger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "import", mixinStandardHelpOptions = true,
    description = {"Imports a CSV or JSONL export into PostgreSQL, upserting by external id.",
        "Rejected rows are kept in the rejected_row table with their reason; prints the counts."})
final class ImportCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "FILE", description = "A .csv or .jsonl file.")
  Path file;

  @Option(names = "--mapping", defaultValue = "native",
      description = "Mapping in config/mappings/ (default: ${DEFAULT-VALUE}; cfpb for the CFPB export).")
  String mapping;

  @Option(names = "--show-rejected", defaultValue = "10",
      description = "How many rejection reasons to print (default: ${DEFAULT-VALUE}).")
  int showRejected;

  @Mixin
  StorageOptions storage;

  @Override
  public Integer call() {
    if (!java.nio.file.Files.isReadable(file) || java.nio.file.Files.isDirectory(file)) {
      // Checked before the database starts: a typo should not cost a PostgreSQL start-up.
      throw new IllegalArgumentException(file + " is not a readable file");
    }
    try (var context = ApplicationContexts.start(storage)) {
      long started = System.nanoTime();
      // The progress line redraws itself with a carriage return: only on a terminal. In a log
      // (a scheduled import) it would be one endless line; the final counts say everything there.
      boolean terminal = System.console() != null;
      var result = context.getBean(EscalationImporter.class).importFile(file, mapping, counts -> {
        if (terminal) {
          System.err.printf("\rimported %,d records…", counts.read());
        }
      });
      double seconds = (System.nanoTime() - started) / 1e9;
      if (terminal) {
        System.err.print("\r");
      }
      System.out.printf("%s: %s (%.1f s, %,.0f records/s)%n", file.getFileName(), result.counts(), seconds,
          result.counts().read() / Math.max(seconds, 1e-9));
      var reasons = context.getBean(ImportLedger.class).rejections(result.importId());
      reasons.stream().limit(showRejected).forEach(r -> System.out.println("rejected " + r));
      if (reasons.size() > showRejected) {
        System.out.printf("… and %d more in table rejected_row (import_id = %d)%n",
            reasons.size() - showRejected, result.importId());
      }
      return 0;
    }
  }
}
