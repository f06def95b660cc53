package com.escalationrca.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.escalationrca.report.ReportReader;
import com.escalationrca.report.RunReport;
import com.escalationrca.run.RunLedger;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The runs the server can show, read from the job's own tables (so a run finished by another
 * process appears at the next request, no restart). A completed run never changes, so its report
 * is read once and kept.
 */
@Repository
public class RunCatalog {

  private static final int REPORTS_KEPT = 8;

  private final JdbcTemplate jdbc;
  private final ReportReader reader;
  private final com.escalationrca.track.TrackedCauses tracked;
  private final Map<Long, Cached> reports = new ConcurrentHashMap<>();

  /** A report as read, and the tracking change it reflects. */
  private record Cached(RunReport report, Instant tracking) {
  }

  public RunCatalog(JdbcTemplate jdbc, ReportReader reader, com.escalationrca.track.TrackedCauses tracked) {
    this.jdbc = jdbc;
    this.reader = reader;
    this.tracked = tracked;
  }

  /** When causes were last acknowledged, resolved, dismissed...: reports read before are stale. */
  public Instant trackingVersion() {
    return tracked.lastChange();
  }

  /** One run in the list of runs. */
  public record RunRow(long runId, LocalDate date, String status, long changed, long inWindow, int clusters,
                       int findings, Instant started, Instant finished) {

    public boolean completed() {
      return RunLedger.COMPLETED.equals(status);
    }

    public Duration duration() {
      return finished == null ? null : Duration.between(started, finished);
    }
  }

  private static final String COLUMNS = """
      select run_id, run_date, status, changed, window_size, cluster_count, finding_count, started_at, finished_at
      from rca_run""";

  public List<RunRow> runs(int limit) {
    return jdbc.query(COLUMNS + " order by run_date desc, run_id desc limit ?", RunCatalog::row, limit);
  }

  private static RunRow row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
    return new RunRow(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getString(3), rs.getLong(4), rs.getLong(5),
        rs.getInt(6), rs.getInt(7), rs.getTimestamp(8).toInstant(),
        rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant());
  }

  /** One run, the newest first, matching a condition: every page asks for one, never for all of them. */
  private Optional<RunRow> first(String where, Object... arguments) {
    return jdbc.query(COLUMNS + " where status = '" + RunLedger.COMPLETED + "' and " + where
        + " order by run_date desc, run_id desc limit 1", RunCatalog::row, arguments).stream().findFirst();
  }

  /** The completed run of a date (the last, if the date was rerun). */
  public Optional<RunRow> completed(LocalDate date) {
    return first("run_date = ?", date);
  }

  /** A cluster's size in every completed run, oldest first (its ids are kept across nights). */
  public List<Map.Entry<LocalDate, Integer>> clusterSizes(String clusterId) {
    return jdbc.query("""
        select r.run_date, c.size from rca_cluster c join rca_run r on r.run_id = c.run_id
        where c.cluster_id = ? and r.status = 'COMPLETED' order by r.run_date, r.run_id
        """, (rs, i) -> Map.entry(rs.getObject(1, LocalDate.class), rs.getInt(2)), clusterId);
  }

  public Optional<RunRow> latestCompleted() {
    return first("true");
  }

  /** The completed run before this one, for "new, continuing and ended". */
  public Optional<RunRow> previous(RunRow run) {
    return first("run_date < ?", run.date());
  }

  /**
   * The run's report, read once per run and again only when someone changes a tracked cause (its
   * state shows in the report): a completed run's findings never change.
   */
  public RunReport report(RunRow run) {
    Instant version = trackingVersion();
    Cached cached = reports.get(run.runId());
    if (cached != null && cached.tracking().equals(version)) {
      return cached.report();
    }
    // One reader per run: the first page loads of a new run must not each read the whole report.
    synchronized (this) {
      cached = reports.get(run.runId());
      if (cached != null && cached.tracking().equals(version)) {
        return cached.report();
      }
      if (reports.size() >= REPORTS_KEPT) {
        reports.keySet().stream().min(Long::compare).ifPresent(reports::remove);
      }
      RunReport report = reader.read(run.runId());
      reports.put(run.runId(), new Cached(report, version));
      return report;
    }
  }
}
