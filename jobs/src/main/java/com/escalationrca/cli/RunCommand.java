package com.escalationrca.cli;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;

import com.escalationrca.job.NightlyRunLauncher;
import org.springframework.batch.core.BatchStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Runs the nightly job nightlyRca: pull, analyze, index, cluster, correlate, publish.",
        "One run per date; a failed run restarts from the step that failed."})
final class RunCommand implements Callable<Integer> {

  @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Run date (default: today, UTC).")
  LocalDate date;

  @Option(names = "--full", description = "Re-analyse and re-index every escalation, not only those changed since the last run.")
  boolean full;

  @Option(names = "--rerun", description = "Run a date again even though its run completed.")
  boolean rerun;

  @Option(names = "--recover", description = "If the date's run is marked running but its process died, mark it failed and restart it.")
  boolean recover;

  @Mixin
  StorageOptions storage;

  @Override
  public Integer call() throws Exception {
    try (var context = ApplicationContexts.start(storage)) {
      LocalDate runDate = date != null ? date : LocalDate.now(ZoneOffset.UTC);
      return report(context.getBean(NightlyRunLauncher.class).run(runDate, full, rerun, recover));
    }
  }

  static int report(NightlyRunLauncher.RunOutcome outcome) {
    for (NightlyRunLauncher.StepTiming step : outcome.steps()) {
      System.out.printf("%-14s %,10d items %8.1f s %,10.0f items/s%n", step.step(), step.items(),
          step.elapsed().toMillis() / 1000.0, step.itemsPerSecond());
    }
    if (outcome.status() != BatchStatus.COMPLETED) {
      System.err.println("error: run " + outcome.status().name().toLowerCase() + ": " + outcome.exitDescription());
      return 1;
    }
    System.out.println("report: " + outcome.reportPath());
    return 0;
  }
}
