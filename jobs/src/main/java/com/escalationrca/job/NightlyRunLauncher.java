package com.escalationrca.job;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import com.escalationrca.run.FutureRunDateException;
import com.escalationrca.run.RunLedger;
import com.escalationrca.run.RunMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Starts {@code nightlyRca} for a run date, one process at a time ({@link RunLock}).
 * <ul>
 *   <li>An unfinished attempt of the date (failed, or left running by a process that died) is
 *   resumed from the step that did not finish: the same plain command is the recovery. Under the
 *   date's lock no one else runs it, so an attempt still marked running belongs to a dead process
 *   and is marked failed first.</li>
 *   <li>A completed date is refused unless it is an explicit rerun (a new attempt number).</li>
 *   <li>A date after tomorrow (UTC) is refused ({@link FutureRunDateException}).</li>
 * </ul>
 */
@Service
public class NightlyRunLauncher {

  private static final Logger log = LoggerFactory.getLogger(NightlyRunLauncher.class);

  private final JobOperator operator;
  private final JobRepository repository;
  private final Job nightlyRca;
  private final JdbcTemplate jdbc;
  private final RunLock lock;
  private final RunMetrics metrics;
  private final RunLedger ledger;

  public NightlyRunLauncher(JobOperator operator, JobRepository repository, Job nightlyRca, JdbcTemplate jdbc,
                            RunLock lock, RunMetrics metrics, RunLedger ledger) {
    this.operator = operator;
    this.repository = repository;
    this.nightlyRca = nightlyRca;
    this.jdbc = jdbc;
    this.lock = lock;
    this.metrics = metrics;
    this.ledger = ledger;
  }

  /**
   * How a run went, step by step; {@code resumed} says what was resumed, when something was;
   * {@code retention} what retention removed or refused (null when retainStep did not run).
   */
  public record RunOutcome(BatchStatus status, String exitDescription, String reportPath,
                           List<StepTiming> steps, String resumed, List<Throwable> failures, String retention) {

    public RunOutcome {
      failures = List.copyOf(failures);
    }
  }

  /** One step's name, items written and wall time. */
  public record StepTiming(String step, long items, Duration elapsed) {

    public double itemsPerSecond() {
      double seconds = elapsed.toNanos() / 1e9;
      return seconds <= 0 ? 0 : items / seconds;
    }
  }

  public RunOutcome run(LocalDate date, boolean full, boolean rerun) throws Exception {
    return run(date, full, rerun, false);
  }

  /** A run whose retention may remove more than its max-purge-fraction ({@code confirmPurge}). */
  public RunOutcome run(LocalDate date, boolean full, boolean rerun, boolean confirmPurge) throws Exception {
    FutureRunDateException.check(date);
    try (RunLock.Held ignored = lock.acquire(date)) {
      long completed = completedAttempts(date);
      JobParameters unfinished = parameters(date, completed, full, confirmPurge);
      JobExecution last = repository.getLastJobExecution(nightlyRca.getName(), unfinished);
      if (last != null && last.getStatus() != BatchStatus.COMPLETED) {
        String resumed = resume(date, last);
        return measured(date, operator.start(nightlyRca, unfinished), resumed);
      }
      if (completed > 0 && !rerun) {
        throw new IllegalStateException("the run for " + date + " already completed; use --rerun to run it again");
      }
      try {
        return measured(date, operator.start(nightlyRca, parameters(date, rerun ? completed : 0, full, confirmPurge)), null);
      } catch (JobInstanceAlreadyCompleteException e) {
        throw new IllegalStateException("the run for " + date + " already completed; use --rerun to run it again", e);
      }
    }
  }

  /** Marks an attempt left running by a dead process failed; says what will be resumed. */
  private String resume(LocalDate date, JobExecution last) throws Exception {
    String step = last.getStepExecutions().stream()
        .filter(s -> s.getStatus() != BatchStatus.COMPLETED).map(StepExecution::getStepName).findFirst()
        .orElse("its first unfinished step");
    if (last.isRunning()) {
      operator.recover(last);
      log.warn("The run for {} was left unfinished (its process died, or lost the database; execution {});"
          + " resuming it from {}", date, last.getId(), step);
      return "the run for " + date + " was left unfinished (its process died, or lost the database); resumed from " + step;
    }
    log.info("The run for {} failed before (execution {}); resuming it from {}", date, last.getId(), step);
    return "the run for " + date + " failed before; resumed from " + step;
  }

  private static JobParameters parameters(LocalDate date, long attempt, boolean full, boolean confirmPurge) {
    return new JobParametersBuilder()
        .addLocalDate(RunParameters.RUN_DATE, date)
        .addLong(RunParameters.ATTEMPT, attempt)
        .addString(RunParameters.FULL, String.valueOf(full), false)
        .addString(RunParameters.CONFIRM_PURGE, String.valueOf(confirmPurge), false)
        .toJobParameters();
  }

  /** How many runs of this date completed, which is the next rerun's attempt number. */
  private long completedAttempts(LocalDate date) {
    Long n = jdbc.queryForObject("select count(*) from rca_run where run_date = ? and status = 'COMPLETED'",
        Long.class, date);
    return n == null ? 0 : n;
  }

  /** The outcome, its metrics pushed (when a Pushgateway is configured). */
  private RunOutcome measured(LocalDate date, JobExecution execution, String resumed) {
    RunOutcome outcome = outcome(execution, resumed);
    long runId = execution.getJobInstance().getInstanceId();
    RunLedger.RunCounts counts = ledger.find(runId).isPresent() ? ledger.counts(runId) : null;
    Integer causes = jdbc.queryForObject("select count(*) from finding_cause where run_id = ?", Integer.class, runId);
    Duration elapsed = execution.getStartTime() == null || execution.getEndTime() == null ? Duration.ZERO
        : Duration.between(execution.getStartTime(), execution.getEndTime());
    metrics.push(new RunMetrics.RunFigures(date, outcome.status() == BatchStatus.COMPLETED, elapsed,
        outcome.steps().stream().map(s -> new RunMetrics.StepFigures(s.step(), s.items(), s.elapsed())).toList(),
        counts, causes == null ? 0 : causes));
    return outcome;
  }

  private static RunOutcome outcome(JobExecution execution, String resumed) {
    List<StepTiming> steps = new ArrayList<>();
    String retention = null;
    for (StepExecution step : execution.getStepExecutions()) {
      retention = step.getExecutionContext().getString(RunParameters.RETENTION, retention);
      LocalDateTime start = step.getStartTime();
      LocalDateTime end = step.getEndTime();
      steps.add(new StepTiming(step.getStepName(), step.getWriteCount(),
          start == null || end == null ? Duration.ZERO : Duration.between(start, end)));
    }
    String failure = execution.getAllFailureExceptions().stream().findFirst()
        .map(t -> t.getClass().getSimpleName() + ": " + t.getMessage()).orElse(execution.getExitStatus().getExitDescription());
    return new RunOutcome(execution.getStatus(), failure,
        execution.getExecutionContext().getString(RunParameters.REPORT_PATH, null), steps, resumed,
        execution.getAllFailureExceptions(), retention);
  }
}
