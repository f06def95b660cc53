package com.escalationrca.job;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Starts {@code nightlyRca} for a run date. A completed date is refused unless it is an explicit
 * rerun (a new attempt number); a failed date is restarted from its failed step; an execution left
 * STARTED by a killed process can be recovered (marked failed) and restarted.
 */
@Service
public class NightlyRunLauncher {

  private final JobOperator operator;
  private final JobRepository repository;
  private final Job nightlyRca;
  private final JdbcTemplate jdbc;

  public NightlyRunLauncher(JobOperator operator, JobRepository repository, Job nightlyRca, JdbcTemplate jdbc) {
    this.operator = operator;
    this.repository = repository;
    this.nightlyRca = nightlyRca;
    this.jdbc = jdbc;
  }

  /** How a run went, step by step. */
  public record RunOutcome(BatchStatus status, String exitDescription, String reportPath,
                           List<StepTiming> steps) {
  }

  /** One step's name, items written and wall time. */
  public record StepTiming(String step, long items, Duration elapsed) {

    public double itemsPerSecond() {
      double seconds = elapsed.toNanos() / 1e9;
      return seconds <= 0 ? 0 : items / seconds;
    }
  }

  public RunOutcome run(LocalDate date, boolean full, boolean rerun, boolean recover) throws Exception {
    JobParameters parameters = new JobParametersBuilder()
        .addLocalDate(RunParameters.RUN_DATE, date)
        .addLong(RunParameters.ATTEMPT, rerun ? completedAttempts(date) : 0L)
        .addString(RunParameters.FULL, String.valueOf(full), false)
        .toJobParameters();
    JobExecution execution;
    try {
      execution = operator.start(nightlyRca, parameters);
    } catch (JobInstanceAlreadyCompleteException e) {
      throw new IllegalStateException("the run for " + date + " already completed; use --rerun to run it again", e);
    } catch (JobExecutionAlreadyRunningException e) {
      JobExecution stale = repository.getLastJobExecution(nightlyRca.getName(), parameters);
      if (!recover || stale == null) {
        throw new IllegalStateException("the run for " + date + " is marked as running (execution "
            + (stale == null ? "?" : stale.getId()) + "); if no process is running it, its process died:"
            + " run again with --recover to mark it failed and restart it", e);
      }
      operator.recover(stale);
      execution = operator.start(nightlyRca, parameters);
    }
    return outcome(execution);
  }

  /** How many runs of this date completed, which is the next rerun's attempt number. */
  private long completedAttempts(LocalDate date) {
    Long n = jdbc.queryForObject("select count(*) from rca_run where run_date = ? and status = 'COMPLETED'",
        Long.class, date);
    return n == null ? 0 : n;
  }

  private static RunOutcome outcome(JobExecution execution) {
    List<StepTiming> steps = new ArrayList<>();
    for (StepExecution step : execution.getStepExecutions()) {
      LocalDateTime start = step.getStartTime();
      LocalDateTime end = step.getEndTime();
      steps.add(new StepTiming(step.getStepName(), step.getWriteCount(),
          start == null || end == null ? Duration.ZERO : Duration.between(start, end)));
    }
    String failure = execution.getAllFailureExceptions().stream().findFirst()
        .map(t -> t.getClass().getSimpleName() + ": " + t.getMessage()).orElse(execution.getExitStatus().getExitDescription());
    return new RunOutcome(execution.getStatus(), failure,
        execution.getExecutionContext().getString(RunParameters.REPORT_PATH, null), steps);
  }
}
