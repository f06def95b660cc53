package com.escalationrca.retain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import com.escalationrca.index.EscalationIndex;
import com.escalationrca.run.RunProperties;
import com.escalationrca.store.Folders;
import com.escalationrca.store.StorageProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Purges what is older than {@code rca.retention} keeps, relative to the run date (not the clock,
 * so a backfill of old dates purges nothing it still needs). Rows of a purged run go with it
 * (clusters, assignments, findings and causes cascade from {@code rca_run}), and so do its Spring
 * Batch records and its report folder.
 */
@Service
public class Retention {

  private static final Logger log = LoggerFactory.getLogger(Retention.class);

  private final JdbcTemplate jdbc;
  private final RetentionProperties properties;
  private final RunProperties run;
  private final StorageProperties storage;

  public Retention(JdbcTemplate jdbc, RetentionProperties properties, RunProperties run, StorageProperties storage) {
    this.jdbc = jdbc;
    this.properties = properties;
    this.run = run;
    this.storage = storage;
    for (var entry : List.of(java.util.Map.entry("analysis-days", properties.analysisDays()),
        java.util.Map.entry("escalation-days", properties.escalationDays()))) {
      if (entry.getValue() > 0 && entry.getValue() < run.windowDays()) {
        throw new IllegalArgumentException("rca.retention." + entry.getKey() + " is " + entry.getValue()
            + ", shorter than the analysis window (rca.run.window-days = " + run.windowDays() + "): the window needs them");
      }
    }
  }

  /** What one purge removed. */
  public record Purged(long runs, long reportFolders, long analyses, long escalations) {
  }

  @Transactional
  public Purged purge(LocalDate runDate, long currentRunId) {
    long runs = 0;
    long folders = 0;
    if (properties.runDays() > 0) {
      LocalDate cutoff = runDate.minusDays(properties.runDays());
      List<Long> old = jdbc.queryForList("""
          select run_id from rca_run where run_date < ? and run_id <> ? and run_id <> coalesce(
            (select run_id from rca_run where status = 'COMPLETED' order by finished_at desc limit 1), -1)
          """, Long.class, cutoff, currentRunId);
      List<LocalDate> dates = jdbc.queryForList("select distinct run_date from rca_run where run_date < ? and run_id <> ?",
          LocalDate.class, cutoff, currentRunId);
      for (long runId : old) {
        jdbc.update("delete from rca_run where run_id = ?", runId);
        deleteJobRecords(runId);
      }
      runs = old.size();
      for (LocalDate date : dates) {
        boolean kept = Boolean.TRUE.equals(jdbc.queryForObject(
            "select exists (select 1 from rca_run where run_date = ?)", Boolean.class, date));
        Path folder = storage.reportsDir().resolve(date.toString());
        if (!kept && java.nio.file.Files.isDirectory(folder)) {
          delete(folder);
          folders++;
        }
      }
    }
    long analyses = 0;
    if (properties.analysisDays() > 0) {
      Timestamp cutoff = start(runDate.minusDays(properties.analysisDays()));
      jdbc.update("delete from narrative_embedding v using escalation e where e.id = v.escalation_id and e.created_at < ?", cutoff);
      analyses = jdbc.update("delete from narrative_analysis a using escalation e where e.id = a.escalation_id"
          + " and e.created_at < ?", cutoff);
    }
    long escalations = 0;
    if (properties.escalationDays() > 0) {
      LocalDate day = runDate.minusDays(properties.escalationDays());
      escalations = jdbc.update("delete from escalation where created_at < ?", start(day));
      try (EscalationIndex index = EscalationIndex.open(storage.indexDir())) {
        index.deleteCreatedBefore(day);
      }
    }
    if (runs + folders + analyses + escalations > 0) {
      log.info("Retention removed {} runs, {} report folders, {} analyses, {} escalations", runs, folders, analyses,
          escalations);
    }
    return new Purged(runs, folders, analyses, escalations);
  }

  /** The run's Spring Batch records: the job instance with its executions, parameters and contexts. */
  private void deleteJobRecords(long instanceId) {
    String executions = "select job_execution_id from batch_job_execution where job_instance_id = ?";
    jdbc.update("delete from batch_step_execution_context where step_execution_id in (select step_execution_id"
        + " from batch_step_execution where job_execution_id in (" + executions + "))", instanceId);
    jdbc.update("delete from batch_step_execution where job_execution_id in (" + executions + ")", instanceId);
    jdbc.update("delete from batch_job_execution_context where job_execution_id in (" + executions + ")", instanceId);
    jdbc.update("delete from batch_job_execution_params where job_execution_id in (" + executions + ")", instanceId);
    jdbc.update("delete from batch_job_execution where job_instance_id = ?", instanceId);
    jdbc.update("delete from batch_job_instance where job_instance_id = ?", instanceId);
  }

  private static Timestamp start(LocalDate day) {
    return Timestamp.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  private static void delete(Path folder) {
    try {
      Folders.deleteRecursively(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the old report " + folder + ": " + e.getMessage(), e);
    }
  }
}
