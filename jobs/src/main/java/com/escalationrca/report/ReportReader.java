package com.escalationrca.report;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.escalationrca.cluster.ClusterStore;
import com.escalationrca.nlp.Redactor;
import com.escalationrca.run.RunLedger;
import com.escalationrca.run.RunWindow;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Assembles a run's report from the run, cluster and finding tables, with personal data redacted. */
@Repository
public class ReportReader {

  private final JdbcTemplate jdbc;
  private final RunLedger ledger;
  private final ClusterStore clusters;
  // Defence in depth: terms and phrases are built from redacted text already, but every string a
  // report publishes passes through the redactor once more.
  private final Redactor redactor = new Redactor();

  private final com.escalationrca.track.TrackedCauses tracked;
  private final FindingSeries series;

  public ReportReader(JdbcTemplate jdbc, RunLedger ledger, ClusterStore clusters,
                      com.escalationrca.track.TrackedCauses tracked, FindingSeries series) {
    this.jdbc = jdbc;
    this.ledger = ledger;
    this.clusters = clusters;
    this.tracked = tracked;
    this.series = series;
  }

  public RunReport read(long runId) {
    RunWindow window = ledger.find(runId).orElseThrow(() -> new IllegalStateException("no run " + runId));
    RunLedger.RunCounts counts = ledger.counts(runId);
    Map<String, Long> bucket = new HashMap<>();
    jdbc.query("""
        select cluster_id = 'unclustered', count(*) from cluster_assignment where run_id = ? group by 1
        """, rs -> {
          bucket.put(rs.getBoolean(1) ? "unclustered" : "clustered", rs.getLong(2));
        }, runId);
    List<RunReport.ClusterSummary> clusters = jdbc.query("""
        select cluster_id, label, top_terms, size, profile, example_ids, status, previous_ids
        from rca_cluster where run_id = ? order by size desc, cluster_id
        """, (rs, i) -> new RunReport.ClusterSummary(rs.getString(1), redactor.redact(rs.getString(2)),
        Arrays.stream(rs.getString(3).split(", ")).map(redactor::redact).toList(), rs.getInt(4),
        redactor.redact(rs.getString(5)),
        rs.getString(7).toLowerCase(java.util.Locale.ROOT),
        rs.getString(8).isBlank() ? List.of() : List.of(rs.getString(8).split(" ")),
        // Internal ids for now: mapping them here would query inside this query's row mapper and
        // hold two pooled connections at once (concurrent page loads could then exhaust the pool).
        List.of(rs.getString(6))), runId).stream().map(c -> new RunReport.ClusterSummary(c.id(), c.label(), c.topTerms(),
        c.size(), c.profile(), c.status(), c.previousIds(), externalIds(c.exampleIds().get(0)))).toList();
    List<RunReport.FindingSummary> findings = jdbc.query("""
        select f.rank, f.cluster_id, coalesce(c.label, 'all escalations'), f.dimension, f.value, f.observed,
          f.expected, f.lift, f.lift_low, f.lift_high, f.p_value, f.q_value, f.score, f.summary, f.example_ids,
          f.recent_observed, f.recent_expected, f.spike_q, f.since, f.change, f.weekly_change, f.trend_q, f.kind,
          f.change_q, f.cause
        from finding f left join rca_cluster c on c.run_id = f.run_id and c.cluster_id = f.cluster_id
        where f.run_id = ? order by f.rank
        """, (rs, i) -> new RunReport.FindingSummary(rs.getInt(1), rs.getString(23), rs.getString(2),
        redactor.redact(rs.getString(3)),
        rs.getString(4), redactor.redact(rs.getString(5)), rs.getLong(6), rs.getDouble(7), rs.getDouble(8),
        rs.getDouble(9), rs.getDouble(10), rs.getDouble(11), rs.getDouble(12),
        rs.getLong(16), rs.getDouble(17), rs.getDouble(18), rs.getObject(19, java.time.LocalDate.class),
        rs.getDouble(21), rs.getDouble(22), rs.getDouble(24), rs.getString(20), rs.getDouble(13),
        // The summary was made of redacted labels and values (FindingText.published) plus counts;
        // redacting it again would eat its numbers, which the number rules cannot tell from ids.
        rs.getString(14), rs.getString(15).isBlank() ? List.of() : List.of(rs.getString(15).split(" ")),
        rs.getInt(25)), runId);
    Map<String, String> labels = new HashMap<>();
    clusters.forEach(c -> labels.put(c.id(), c.label()));
    List<RunReport.CauseSummary> causes = jdbc.query("""
        select c.cause, c.lead_rank, c.ranks, c.escalations, c.clusters, c.top_terms, c.tracked_id,
          (select count(*) from tracked_cause_night n where n.cause_id = c.tracked_id)
        from finding_cause c where c.run_id = ? order by c.cause
        """, (rs, i) -> new RunReport.CauseSummary(rs.getInt(1), rs.getInt(2),
        Arrays.stream(rs.getString(3).split(" ")).map(Integer::valueOf).toList(), rs.getLong(4),
        carriers(rs.getString(5), labels),
        rs.getString(6).isBlank() ? List.of() : Arrays.stream(rs.getString(6).split(", ")).map(redactor::redact).toList(),
        rs.getObject(7) == null ? null : new RunReport.Tracking(rs.getLong(7), null, null, null, null, rs.getInt(8))),
        runId);
    causes = withTracking(causes);
    return new RunReport(window.runDate(),
        new RunReport.Window(window.windowStart(), window.windowEnd(), window.full()),
        new RunReport.Counts(counts.changed(), counts.analyzed(), counts.embedded(), counts.indexed(), counts.windowSize(),
            bucket.getOrDefault("clustered", 0L), bucket.getOrDefault("unclustered", 0L),
            clusters.size(), findings.size()),
        clusters, findings, causes, ended(runId, findings), resolutions(runId, window), deliveries(runId), drops(runId));
  }

  /** The values whose escalations dropped, by rank (their summaries were made of redacted values). */
  private List<RunReport.DropSummary> drops(long runId) {
    return jdbc.query("""
        select rank, dimension, value, recent, expected, ratio, ratio_low, ratio_high, q_value, per_day_before,
          per_day_recent, summary
        from population_drop where run_id = ? order by rank
        """, (rs, i) -> new RunReport.DropSummary(rs.getInt(1), rs.getString(2), redactor.redact(rs.getString(3)),
        rs.getLong(4), rs.getDouble(5), rs.getDouble(6), rs.getDouble(7), rs.getDouble(8), rs.getDouble(9),
        rs.getDouble(10), rs.getDouble(11), rs.getString(12)), runId);
  }

  /** Where the run was published and how it went (none before its deliver step ran). */
  public List<RunReport.Delivery> deliveries(long runId) {
    return jdbc.query("select channel, status, attempts, detail from delivery where run_id = ? order by channel",
        (rs, i) -> new RunReport.Delivery(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4)), runId);
  }

  /** The tracked state of each cause, read after the causes (no query inside another's row mapper). */
  private List<RunReport.CauseSummary> withTracking(List<RunReport.CauseSummary> causes) {
    var byId = tracked.byId(causes.stream().filter(c -> c.tracking() != null).map(c -> c.tracking().id()).toList());
    return causes.stream().map(c -> {
      if (c.tracking() == null || !byId.containsKey(c.tracking().id())) {
        return c;
      }
      var t = byId.get(c.tracking().id());
      return new RunReport.CauseSummary(c.id(), c.leadRank(), c.ranks(), c.escalations(), c.clusters(), c.topTerms(),
          new RunReport.Tracking(t.id(), t.state().key(), t.owner(), t.ticket(), t.firstSeen(), c.tracking().nights()));
    }).toList();
  }

  /**
   * Every resolved or regressed cause whose resolution falls in this run's window, with the effect
   * of the resolution measured on the window's escalations.
   */
  private List<RunReport.Resolution> resolutions(long runId, RunWindow window) {
    List<RunReport.Resolution> resolutions = new java.util.ArrayList<>();
    for (var state : List.of(com.escalationrca.track.CauseState.RESOLVED, com.escalationrca.track.CauseState.REGRESSED)) {
      for (var cause : tracked.list(state)) {
        if (cause.resolvedOn() == null || cause.resolvedOn().isBefore(window.windowStart())
            || cause.resolvedOn().isAfter(window.windowEnd())) {
          continue;
        }
        var effect = com.escalationrca.track.ResolutionEffect.of(cause.resolvedOn(), cause.onset(),
            series.volumes(runId, cause.clusterId(), cause.dimension(), cause.value()));
        resolutions.add(new RunReport.Resolution(cause.id(), cause.state().key(), cause.summary(), cause.resolvedOn(),
            cause.note(), effect.before(), effect.beforeVolume(), effect.after(), effect.afterVolume(),
            Double.isInfinite(effect.change()) ? 999 : effect.change(), effect.pValue(), effect.sentence()));
      }
    }
    return resolutions;
  }

  /** Summaries, as published then, of the previous run's findings that tonight's do not have. */
  private List<String> ended(long runId, List<RunReport.FindingSummary> tonight) {
    java.util.Set<String> current = new java.util.HashSet<>();
    tonight.forEach(f -> current.add(com.escalationrca.correlate.FindingChanges.key(f.kind(), f.clusterId(),
        f.dimension(), f.value())));
    return ledger.previousCompletedRun(runId).map(previous -> jdbc.query(
        "select kind, cluster_id, dimension, value, summary from finding where run_id = ? order by rank",
        (rs, i) -> current.contains(com.escalationrca.correlate.FindingChanges.key(rs.getString(1), rs.getString(2),
            rs.getString(3), rs.getString(4))) ? null : rs.getString(5), previous)
        .stream().filter(java.util.Objects::nonNull).toList()).orElse(List.of());
  }

  /** "C0012 14;C0031 5" as carriers with their labels ("not clustered" for the bucket). */
  private static List<RunReport.Carrier> carriers(String encoded, Map<String, String> labels) {
    if (encoded.isBlank()) {
      return List.of();
    }
    return Arrays.stream(encoded.split(";")).map(pair -> pair.split(" ")).map(p -> new RunReport.Carrier(p[0],
        p[0].equals(com.escalationrca.cluster.Cluster.UNCLUSTERED) ? "not clustered" : labels.getOrDefault(p[0], p[0]),
        Long.parseLong(p[1]))).toList();
  }

  /** Clusters store internal row ids of their examples; reports show the source's ids. */
  private List<String> externalIds(String internalIds) {
    if (internalIds.isBlank()) {
      return List.of();
    }
    Long[] ids = Arrays.stream(internalIds.split(" ")).map(Long::valueOf).toArray(Long[]::new);
    Map<Long, String> byId = new HashMap<>();
    jdbc.query("select id, external_id from escalation where id = any(?)",
        ps -> ps.setArray(1, ps.getConnection().createArrayOf("bigint", ids)),
        rs -> {
          byId.put(rs.getLong(1), rs.getString(2));
        });
    return Arrays.stream(ids).map(byId::get).filter(s -> s != null).toList();
  }

  /** (external id, cluster id) for every escalation of the run, in id order, streamed. */
  public void assignments(long runId, java.util.function.BiConsumer<String, String> sink) {
    clusters.assignments(runId, sink);
  }
}
