package com.escalationrca.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.escalationrca.index.IndexSchema;
import com.escalationrca.nlp.Redactor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Escalations as the pages show them: whole (analysts) or as redacted excerpts (everyone). */
@Repository
public class Escalations {

  private static final int EXCERPT = 240;

  private final JdbcTemplate jdbc;
  private final Redactor redactor = new Redactor();

  public Escalations(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** One escalation: narrative, dimensions, and its cluster in the latest completed run (if any). */
  public record Detail(String id, Instant created, Instant updated, String narrative, Map<String, String> dimensions,
                       String detectedLanguage, String cluster, String clusterLabel) {
  }

  /** A line of a list: id, day, dimensions and a redacted excerpt. */
  public record Line(String id, Instant created, Map<String, String> dimensions, String excerpt) {
  }

  public Optional<Detail> find(String externalId) {
    List<Detail> found = jdbc.query("""
        select e.external_id, e.created_at, e.updated_at, e.narrative, e.policy, e.vendor, e.market, e.language,
          e.channel, e.priority, e.action, e.outcome, a.detected_language, c.cluster_id, c.label, e.dimensions
        from escalation e
        left join narrative_analysis a on a.escalation_id = e.id
        left join lateral (
          select ca.cluster_id, rc.label from cluster_assignment ca
          join rca_run r on r.run_id = ca.run_id and r.status = 'COMPLETED'
          left join rca_cluster rc on rc.run_id = ca.run_id and rc.cluster_id = ca.cluster_id
          where ca.escalation_id = e.id order by r.run_date desc, r.run_id desc limit 1) c on true
        where e.external_id = ?
        """, (rs, i) -> new Detail(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant(),
        rs.getString(4), dimensions(rs, 5), rs.getString(13), rs.getString(14), rs.getString(15)), externalId);
    return found.stream().findFirst();
  }

  /** Lines for these ids, in the order given (ids not found are left out). */
  public List<Line> lines(List<String> externalIds) {
    Map<String, Line> byId = new LinkedHashMap<>();
    jdbc.query("""
        select external_id, created_at, narrative, policy, vendor, market, language, channel, priority, action, outcome,
          dimensions
        from escalation where external_id = any(?)
        """, ps -> ps.setArray(1, ps.getConnection().createArrayOf("text", externalIds.toArray())),
        rs -> {
          byId.put(rs.getString(1), new Line(rs.getString(1), rs.getTimestamp(2).toInstant(), dimensions(rs, 4),
              excerpt(rs.getString(3))));
        });
    return externalIds.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
  }

  private String excerpt(String narrative) {
    String redacted = redactor.redact(narrative).replaceAll("\\s+", " ").strip();
    return redacted.length() <= EXCERPT ? redacted : redacted.substring(0, EXCERPT - 1) + "…";
  }

  private static Map<String, String> dimensions(java.sql.ResultSet rs, int first) throws java.sql.SQLException {
    Map<String, String> dimensions = new LinkedHashMap<>();
    for (int i = 0; i < IndexSchema.DIMENSIONS.size(); i++) {
      String value = rs.getString(first + i);
      if (value != null) {
        dimensions.put(IndexSchema.DIMENSIONS.get(i), value);
      }
    }
    // The taxonomy's other dimensions follow the eight.
    com.escalationrca.ingest.EscalationDimensions.read(rs.getString("dimensions"), dimensions);
    return dimensions;
  }
}
