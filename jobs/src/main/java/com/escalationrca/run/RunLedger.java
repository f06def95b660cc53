package com.escalationrca.run;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code rca_run} table: each run's window, watermark and counts. A run's watermark only
 * becomes the next run's starting point once the run is COMPLETED, so a failed night loses nothing.
 */
@Repository
public class RunLedger {

  public static final String COMPLETED = "COMPLETED";
  public static final String STARTED = "STARTED";

  private final JdbcTemplate jdbc;

  public RunLedger(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Opens (or, on restart, reopens) a run. The upper watermark stops short of any transaction still
   * in flight: a row written by a transaction that started earlier but commits later has a
   * changed_at at or after that transaction's start, so it is picked up by the next run.
   */
  public RunWindow begin(long runId, LocalDate runDate, boolean full, int windowDays) {
    Optional<RunWindow> existing = find(runId);
    if (existing.isPresent()) {
      return existing.get();
    }
    Instant from = full ? null : lastCompletedWatermark().orElse(null);
    Timestamp to = jdbc.queryForObject("""
        select least(clock_timestamp(), coalesce((select min(xact_start) from pg_stat_activity
            where backend_xid is not null and pid <> pg_backend_pid()), clock_timestamp()))
        """, Timestamp.class);
    LocalDate windowStart = runDate.minusDays(windowDays - 1L);
    jdbc.update("""
        insert into rca_run (run_id, run_date, full_run, window_start, window_end, watermark_from,
          watermark_to, status) values (?, ?, ?, ?, ?, ?, ?, ?)
        """, runId, runDate, full, windowStart, runDate, from == null ? null : Timestamp.from(from),
        to, STARTED);
    return find(runId).orElseThrow();
  }

  public Optional<RunWindow> find(long runId) {
    List<RunWindow> runs = jdbc.query("""
        select run_id, run_date, full_run, window_start, window_end, watermark_from, watermark_to
        from rca_run where run_id = ?
        """, (rs, i) -> new RunWindow(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getBoolean(3),
        rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class),
        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant()), runId);
    return runs.stream().findFirst();
  }

  public Optional<Instant> lastCompletedWatermark() {
    List<Timestamp> marks = jdbc.queryForList(
        "select max(watermark_to) from rca_run where status = ?", Timestamp.class, COMPLETED);
    return marks.stream().filter(t -> t != null).map(Timestamp::toInstant).findFirst();
  }

  /**
   * The latest completed run up to this run's date (the previous night, or the same date's earlier
   * attempt on a rerun): the reference for cluster identity.
   */
  public Optional<Long> previousCompletedRun(long runId) {
    return jdbc.queryForList("""
        select run_id from rca_run where status = ? and run_id <> ?
          and run_date <= (select run_date from rca_run where run_id = ?)
        order by run_date desc, finished_at desc limit 1
        """, Long.class, COMPLETED, runId, runId).stream().findFirst();
  }

  /**
   * The completed run that finished last (whatever its date), other than this one: its clusters
   * are the ones the search index shows.
   */
  public Optional<Long> lastFinishedRun(long excludedRunId) {
    return jdbc.queryForList("""
        select run_id from rca_run where status = ? and run_id <> ? order by finished_at desc limit 1
        """, Long.class, COMPLETED, excludedRunId).stream().findFirst();
  }

  public void count(long runId, String column, long value) {
    if (!List.of("changed", "analyzed", "embedded", "indexed", "window_size", "cluster_count", "finding_count")
        .contains(column)) {
      throw new IllegalArgumentException("no count column " + column);
    }
    jdbc.update("update rca_run set " + column + " = ? where run_id = ?", value, runId);
  }

  public void complete(long runId) {
    jdbc.update("update rca_run set status = ?, finished_at = now() where run_id = ?", COMPLETED, runId);
  }

  /** The stored counts of a run: changed, analyzed, embedded, indexed, window, clusters, findings. */
  public RunCounts counts(long runId) {
    return jdbc.queryForObject("""
        select changed, analyzed, embedded, indexed, window_size, cluster_count, finding_count from rca_run
        where run_id = ?
        """, (rs, i) -> new RunCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
        rs.getInt(6), rs.getInt(7)), runId);
  }

  public record RunCounts(long changed, long analyzed, long embedded, long indexed, long windowSize, int clusters,
                          int findings) {
  }
}
