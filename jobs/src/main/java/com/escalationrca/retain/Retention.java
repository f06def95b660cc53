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
 * Purges what is older than {@code rca.retention} keeps, relative to the newest escalation's date or
 * the run date, whichever is earlier: not the clock, so a backfill of old dates purges nothing it
 * still needs, and not the run date alone, so a run dated in the future (a typo) cannot purge
 * everything. Rows of a purged run go with it (clusters, assignments, findings and causes cascade
 * from {@code rca_run}), and so do its Spring Batch records and its report folder. A purge of more
 * than {@code max-purge-fraction} of the escalations or analyses is refused unless confirmed.
 */
@Service
public class Retention {

  private static final Logger log = LoggerFactory.getLogger(Retention.class);

  private final JdbcTemplate jdbc;
  private final RetentionProperties properties;
  private final StorageProperties storage;

  public Retention(JdbcTemplate jdbc, RetentionProperties properties, RunProperties run, StorageProperties storage) {
    this.jdbc = jdbc;
    this.properties = properties;
    this.storage = storage;
    for (var entry : List.of(java.util.Map.entry("analysis-days", properties.analysisDays()),
        java.util.Map.entry("escalation-days", properties.escalationDays()))) {
      if (entry.getValue() > 0 && entry.getValue() < run.windowDays()) {
        throw new IllegalArgumentException("rca.retention." + entry.getKey() + " is " + entry.getValue()
            + ", shorter than the analysis window (rca.run.window-days = " + run.windowDays() + "): the window needs them");
      }
    }
  }

  /**
   * What one purge removed, counted from {@code reference}, and what it refused to remove (a
   * sentence each).
   */
  public record Purged(LocalDate reference, long runs, long reportFolders, long analyses, long escalations,
                       List<String> refused) {

    public Purged {
      refused = List.copyOf(refused);
    }

    /** One line for the run's output and log. */
    public String summary() {
      String removed = String.format(java.util.Locale.ROOT,
          "removed %,d runs, %,d report folders, %,d analyses, %,d escalations (kept from %s back)",
          runs, reportFolders, analyses, escalations, reference);
      return refused.isEmpty() ? removed : removed + "; refused: " + String.join("; ", refused);
    }
  }

  /** Whether retention is configured at all (off by default). */
  public boolean enabled() {
    return properties.enabled();
  }

  /**
   * Purges for the run of {@code runDate}; {@code confirmed} lets it remove more than
   * {@code max-purge-fraction} of the escalations or analyses at once.
   */
  @Transactional
  public Purged purge(LocalDate runDate, long currentRunId, boolean confirmed) {
    LocalDate reference = reference(runDate);
    List<String> refused = new java.util.ArrayList<>();
    long runs = 0;
    long folders = 0;
    if (properties.runDays() > 0) {
      LocalDate cutoff = reference.minusDays(properties.runDays());
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
      Timestamp cutoff = start(reference.minusDays(properties.analysisDays()));
      String refusal = tooMany("analyses", """
          select count(*) filter (where e.created_at < ?), count(*)
          from narrative_analysis a join escalation e on e.id = a.escalation_id
          """, cutoff, confirmed);
      if (refusal == null) {
        jdbc.update("delete from narrative_embedding v using escalation e where e.id = v.escalation_id and e.created_at < ?",
            cutoff);
        analyses = jdbc.update("delete from narrative_analysis a using escalation e where e.id = a.escalation_id"
            + " and e.created_at < ?", cutoff);
      } else {
        refused.add(refusal);
      }
    }
    long escalations = 0;
    if (properties.escalationDays() > 0) {
      LocalDate day = reference.minusDays(properties.escalationDays());
      String refusal = tooMany("escalations",
          "select count(*) filter (where created_at < ?), count(*) from escalation", start(day), confirmed);
      if (refusal == null) {
        escalations = jdbc.update("delete from escalation where created_at < ?", start(day));
        try (EscalationIndex index = EscalationIndex.open(storage.indexDir())) {
          index.deleteCreatedBefore(day);
        }
      } else {
        refused.add(refusal);
      }
    }
    Purged purged = new Purged(reference, runs, folders, analyses, escalations, refused);
    if (!refused.isEmpty()) {
      log.warn("Retention {}", purged.summary());
    } else if (runs + folders + analyses + escalations > 0) {
      log.info("Retention {}", purged.summary());
    }
    return purged;
  }

  /** The day retention counts back from: the newest escalation's, or the run date when that is earlier. */
  private LocalDate reference(LocalDate runDate) {
    Timestamp newest = jdbc.queryForObject("select max(created_at) from escalation", Timestamp.class);
    if (newest == null) {
      return runDate;
    }
    LocalDate newestDay = newest.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
    return newestDay.isBefore(runDate) ? newestDay : runDate;
  }

  /**
   * Null when {@code countSql} (removed, total) stays within the largest share one night may remove,
   * or it is confirmed; else the sentence saying what was refused.
   */
  private String tooMany(String what, String countSql, Timestamp cutoff, boolean confirmed) {
    long[] counts = jdbc.queryForObject(countSql, (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}, cutoff);
    long removed = counts[0];
    long total = counts[1];
    if (confirmed || removed == 0 || removed <= properties.maxPurgeFraction() * total) {
      return null;
    }
    return String.format(java.util.Locale.ROOT,
        "would remove %,d of %,d %s (%.0f %%), more than rca.retention.max-purge-fraction (%.0f %%) allows in one"
            + " night; nothing of them was removed: check the dates, then run again with --confirm-purge",
        removed, total, what, 100.0 * removed / total, 100 * properties.maxPurgeFraction());
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
