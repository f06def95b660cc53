package com.escalationrca.cli;

import java.util.List;
import java.util.concurrent.Callable;

import com.escalationrca.ingest.ImportLedger;
import com.escalationrca.pull.Pulls;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "pull", mixinStandardHelpOptions = true,
    description = {"Pulls the escalations changed since the last pull from JIRA or a source database.",
        "JIRA by JQL search, a source database by SQL with :since, through the same validation, quarantine and upsert"
            + " as `import`. Sources are configured under rca.pull (docs/connectors.md); with no SOURCE, every"
            + " configured one."})
final class PullCommand implements Callable<Integer> {

  @Parameters(index = "0", arity = "0..1", paramLabel = "SOURCE", description = "jira or jdbc (default: all configured).")
  String source;

  @Option(names = "--show-rejected", defaultValue = "10",
      description = "How many rejection reasons to print per source (default: ${DEFAULT-VALUE}).")
  int showRejected;

  @Mixin
  StorageOptions storage;

  @Override
  public Integer call() {
    try (var context = ApplicationContexts.start(storage)) {
      pullAll(context, source == null ? null : List.of(source), showRejected);
      return 0;
    }
  }

  /** Pulls the given sources (null: every configured one), printing each one's counts; throws on the first failure. */
  static void pullAll(ConfigurableApplicationContext context, List<String> sources, int showRejected) {
    Pulls pulls = context.getBean(Pulls.class);
    List<String> chosen = sources != null ? sources : pulls.configured();
    if (chosen.isEmpty()) {
      throw new IllegalArgumentException("no source to pull from: set rca.pull.jira.url or rca.pull.jdbc.url");
    }
    for (String name : chosen) {
      long started = System.nanoTime();
      Pulls.Pulled pulled = pulls.pull(name, counts -> { });
      double seconds = (System.nanoTime() - started) / 1e9;
      System.out.printf("%s since %s: %s (%.1f s); watermark now %s%n", pulled.source(), pulled.since(), pulled.counts(),
          seconds, pulled.watermark());
      var reasons = context.getBean(ImportLedger.class).rejections(pulled.importId());
      reasons.stream().limit(showRejected).forEach(r -> System.out.println("rejected " + r));
      if (reasons.size() > showRejected) {
        System.out.printf("… and %d more in table rejected_row (import_id = %d)%n", reasons.size() - showRejected,
            pulled.importId());
      }
    }
  }
}
