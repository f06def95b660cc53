package com.escalationrca.cli;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;

import com.escalationrca.job.NightlyRunLauncher;
import com.escalationrca.run.FutureRunDateException;
import org.springframework.batch.core.BatchStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Runs the nightly job nightlyRca: pull, analyze, embed, index, cluster, correlate, publish.",
        "One run per date, one process at a time; a failed run, or one whose process died, resumes from the step",
        "that did not finish when the same command runs again.",
        "A run date after tomorrow (UTC) is refused.",
        "Exit codes: 0 done, 1 failed (run it again to resume), 2 usage (or a date in the future),",
        "3 another run or reindex is in progress, 4 the database is unreachable."})
final class RunCommand implements Callable<Integer> {

  @Option(names = "--date", paramLabel = "YYYY-MM-DD", converter = RunDate.class,
      description = "Run date: YYYY-MM-DD, today or yesterday (UTC; default: today).")
  LocalDate date;

  @Option(names = "--full", description = "Re-analyse and re-index every escalation, not only those changed since the last run.")
  boolean full;

  @Option(names = "--rerun", description = "Run a date again even though its run completed.")
  boolean rerun;

  @Option(names = "--recover", hidden = true,
      description = "No longer needed: a run whose process died is recognised and resumed by the plain command.")
  boolean recover;

  @Option(names = "--confirm-purge", description = {"Let retention (rca.retention) remove more than",
      "rca.retention.max-purge-fraction of the escalations or analyses tonight; without it such a purge is refused",
      "and reported."})
  boolean confirmPurge;

  @Option(names = "--pull", description = "Pull every configured source (rca.pull) first; a failed pull stops here (exit 1).")
  boolean pull;

  @Mixin
  StorageOptions storage;

  @Override
  public Integer call() throws Exception {
    LocalDate runDate = date != null ? date : LocalDate.now(ZoneOffset.UTC);
    FutureRunDateException.check(runDate);
    try (var context = ApplicationContexts.start(storage)) {
      if (pull) {
        PullCommand.pullAll(context, null, 10);
      }
      int exit = report(context.getBean(NightlyRunLauncher.class).run(runDate, full, rerun, confirmPurge), DatabaseName.of(storage.dataDir));
      if (exit == 0) {
        embedded(context.getBean(org.springframework.jdbc.core.JdbcTemplate.class), runDate);
        published(context.getBean(org.springframework.jdbc.core.JdbcTemplate.class), runDate);
      }
      return exit;
    }
  }

  /** "embedded: 350 narratives, 39 of them with the vector of an identical narrative (the model ran 311 times)". */
  static void embedded(org.springframework.jdbc.core.JdbcTemplate jdbc, LocalDate runDate) {
    java.util.Map<String, Object> counts = jdbc.queryForMap("""
        select count(*) as embedded, count(*) filter (where reused) as reused from narrative_embedding
        where run_id = (select max(run_id) from rca_run where run_date = ? and status = 'COMPLETED')
        """, runDate);
    long embedded = ((Number) counts.get("embedded")).longValue();
    long reused = ((Number) counts.get("reused")).longValue();
    if (reused > 0) {
      System.out.printf("embedded: %,d narratives, %,d of them with the vector of an identical narrative"
          + " (the model ran for %,d)%n", embedded, reused, embedded - reused);
    }
  }

  /** "published: jira sent (2 ticket(s) created…), email failed (…)": a failed delivery never fails the night. */
  static void published(org.springframework.jdbc.core.JdbcTemplate jdbc, LocalDate runDate) {
    java.util.List<String> lines = jdbc.query("""
        select channel || ' ' || status || ' (' || detail || ')' from delivery
        where run_id = (select max(run_id) from rca_run where run_date = ? and status = 'COMPLETED') order by channel
        """, (rs, i) -> rs.getString(1), runDate);
    if (!lines.isEmpty()) {
      System.out.println("published: " + String.join("; ", lines));
    }
  }

  static int report(NightlyRunLauncher.RunOutcome outcome, String database) {
    if (outcome.resumed() != null) {
      System.out.println(outcome.resumed());
    }
    for (NightlyRunLauncher.StepTiming step : outcome.steps()) {
      System.out.printf("%-14s %,10d items %8.1f s %,10.0f items/s%n", step.step(), step.items(),
          step.elapsed().toMillis() / 1000.0, step.itemsPerSecond());
    }
    if (outcome.status() != BatchStatus.COMPLETED) {
      String unreachable = outcome.failures().stream().map(ExitCodes::databaseUnreachable)
          .filter(java.util.Objects::nonNull).findFirst().orElse(null);
      if (unreachable != null) {
        System.err.println("error: " + ExitCodes.unreachable(database, unreachable));
        return ExitCodes.DATABASE;
      }
      System.err.println("error: run " + outcome.status().name().toLowerCase() + ": " + outcome.exitDescription()
          + "; the same command resumes it from the failed step");
      return ExitCodes.FAILED;
    }
    if (outcome.retention() != null) {
      System.out.println("retention: " + outcome.retention());
    }
    System.out.println("report: " + outcome.reportPath());
    return 0;
  }
}
