package com.escalationrca.correlate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.escalationrca.ingest.EscalationDimensions;
import com.escalationrca.ingest.Field;
import com.escalationrca.run.RunLedger;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Reads the correlate step's input (window escalations with their clusters) and saves findings. */
@Repository
public class FindingStore {

  /** The language OpenNLP detected, beside the source's declared one; the default stratum. */
  public static final String DETECTED_LANGUAGE = "detected_language";

  private final JdbcTemplate jdbc;
  private final RunLedger ledger;

  public FindingStore(JdbcTemplate jdbc, RunLedger ledger) {
    this.jdbc = jdbc;
    this.ledger = ledger;
  }

  /** Every assigned escalation of the run, with its dimensions and the words of its narrative. */
  public List<Observation> observations(long runId) {
    Vocabulary vocabulary = new Vocabulary();
    return jdbc.query("""
        select e.external_id, ca.cluster_id, ca.similarity, (e.created_at at time zone 'UTC')::date,
          e.policy, e.vendor, e.market, e.language, e.channel, e.priority, e.action, e.outcome,
          a.detected_language, a.terms, a.phrases, e.dimensions
        from cluster_assignment ca join escalation e on e.id = ca.escalation_id
        left join narrative_analysis a on a.escalation_id = e.id
        where ca.run_id = ? order by e.id
        """, (rs, row) -> observation(rs,
            vocabulary.of(com.escalationrca.nlp.AnalysisStore.words(rs.getString(14), rs.getString(15)))), runId);
  }

  private static Observation observation(ResultSet rs, Words words) throws SQLException {
    Map<String, String> dimensions = new HashMap<>();
    for (int i = 0; i < Field.DIMENSIONS.size(); i++) {
      String value = rs.getString(5 + i);
      if (value != null) {
        dimensions.put(Field.DIMENSIONS.get(i).key(), value);
      }
    }
    EscalationDimensions.read(rs.getString(16), dimensions);
    String detected = rs.getString(13);
    if (detected != null) {
      dimensions.put(DETECTED_LANGUAGE, detected);
    }
    return new Observation(rs.getString(1), rs.getString(2), rs.getDouble(3),
        rs.getObject(4, java.time.LocalDate.class), dimensions, words);
  }

  /** Cluster id → label for the run. */
  public Map<String, String> clusterLabels(long runId) {
    return jdbc.query("select cluster_id, label from rca_cluster where run_id = ?",
        (rs, i) -> Map.entry(rs.getString(1), rs.getString(2)), runId)
        .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  /** Keys (kind, cluster, dimension, value) of a run's findings. */
  public java.util.Set<String> findingKeys(long runId) {
    return new java.util.HashSet<>(jdbc.query("select kind, cluster_id, dimension, value from finding where run_id = ?",
        (rs, i) -> FindingChanges.key(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)), runId));
  }

  /** Marks each of the run's findings new or continuing against the previous completed run. */
  private void markChanges(long runId) {
    java.util.Set<String> previous = ledger.previousCompletedRun(runId).map(this::findingKeys).orElse(java.util.Set.of());
    jdbc.query("select rank, kind, cluster_id, dimension, value from finding where run_id = ?", rs -> {
      jdbc.update("update finding set change = ? where run_id = ? and rank = ?",
          FindingChanges.change(FindingChanges.key(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)),
              previous),
          runId, rs.getInt(1));
    }, runId);
  }

  @Transactional
  public void save(long runId, Correlation correlation) {
    jdbc.update("delete from population_drop where run_id = ?", runId);
    jdbc.batchUpdate("""
        insert into population_drop (run_id, rank, dimension, value, recent, expected, ratio, ratio_low, ratio_high,
          p_value, q_value, per_day_before, per_day_recent, summary)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """, correlation.drops(), 200, (ps, d) -> {
          ps.setLong(1, runId);
          ps.setInt(2, d.rank());
          ps.setString(3, d.dimension());
          ps.setString(4, d.value());
          ps.setLong(5, d.recent());
          ps.setDouble(6, d.expected());
          ps.setDouble(7, d.ratio());
          ps.setDouble(8, d.ratioLow());
          ps.setDouble(9, d.ratioHigh());
          ps.setDouble(10, d.pValue());
          ps.setDouble(11, d.qValue());
          ps.setDouble(12, d.perDayBefore());
          ps.setDouble(13, d.perDayRecent());
          ps.setString(14, d.summary());
        });
    jdbc.update("delete from finding where run_id = ?", runId);
    jdbc.update("delete from finding_cause where run_id = ?", runId);
    jdbc.batchUpdate("""
        insert into finding (run_id, rank, cluster_id, dimension, value, observed, expected, lift,
          lift_low, lift_high, p_value, q_value, score, summary, example_ids, recent_observed,
          recent_expected, spike_q, since, weekly_change, trend_q, kind, change_q, cause)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """, correlation.findings(), 200, (ps, f) -> {
          ps.setLong(1, runId);
          ps.setInt(2, f.rank());
          ps.setString(3, f.clusterId());
          ps.setString(4, f.dimension());
          ps.setString(5, f.value());
          ps.setLong(6, f.observed());
          ps.setDouble(7, f.expected());
          ps.setDouble(8, f.lift());
          ps.setDouble(9, f.liftLow());
          ps.setDouble(10, f.liftHigh());
          ps.setDouble(11, f.pValue());
          ps.setDouble(12, f.qValue());
          ps.setDouble(13, f.score());
          ps.setString(14, f.summary());
          ps.setString(15, String.join(" ", f.exampleIds()));
          ps.setLong(16, f.recentObserved());
          ps.setDouble(17, f.recentExpected());
          ps.setDouble(18, f.spikeQ());
          ps.setObject(19, f.since());
          ps.setDouble(20, f.weeklyChange());
          ps.setDouble(21, f.trendQ());
          ps.setString(22, f.kind());
          ps.setDouble(23, f.changeQ());
          ps.setInt(24, f.cause());
        });
    jdbc.batchUpdate("""
        insert into finding_cause (run_id, cause, lead_rank, ranks, escalations, clusters, top_terms)
        values (?, ?, ?, ?, ?, ?, ?)
        """, correlation.causes(), 100, (ps, c) -> {
          ps.setLong(1, runId);
          ps.setInt(2, c.id());
          ps.setInt(3, c.leadRank());
          ps.setString(4, c.ranks().stream().map(String::valueOf).collect(Collectors.joining(" ")));
          ps.setLong(5, c.escalations());
          ps.setString(6, c.clusters().stream().map(k -> k.clusterId() + " " + k.count()).collect(Collectors.joining(";")));
          ps.setString(7, String.join(", ", c.topTerms()));
        });
    markChanges(runId);
    correlation.profiles().values().forEach(p -> jdbc.update(
        "update rca_cluster set profile = ? where run_id = ? and cluster_id = ?",
        p.dominant().entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue().value() + " (" + Math.round(e.getValue().share() * 100) + "%)")
            .collect(Collectors.joining(", ")), runId, p.clusterId()));
  }
}
