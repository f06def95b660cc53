package com.escalationrca.index;

import java.time.Instant;
import java.util.Map;

/** What goes into the search index for one escalation. */
public record IndexedEscalation(String externalId, Instant created, String narrative,
                                String detectedLanguage, Map<String, String> dimensions) {

  /** The escalations a run analysed, as the index step pages through them (by {@link #SORT_KEY}, run id as {@code :run}). */
  public static final String ANALYZED_SELECT = "select e.id, e.external_id, e.created_at, e.narrative, a.detected_language,"
      + " e.policy, e.vendor, e.market, e.language, e.channel, e.priority, e.action, e.outcome, e.dimensions";
  public static final String ANALYZED_FROM = "from escalation e join narrative_analysis a on a.escalation_id = e.id";
  public static final String ANALYZED_WHERE = "a.run_id = :run";
  public static final String SORT_KEY = "id";

  public IndexedEscalation {
    dimensions = Map.copyOf(dimensions);
  }

  /**
   * Reads one from a row holding {@code external_id, created_at, narrative, detected_language}
   * and the dimension columns by name, the taxonomy's others in {@code dimensions} (the nightly
   * index step and {@code reindex} share it).
   */
  public static IndexedEscalation fromRow(java.sql.ResultSet rs) throws java.sql.SQLException {
    Map<String, String> dimensions = new java.util.HashMap<>();
    for (String d : IndexSchema.DIMENSIONS) {
      if (rs.getString(d) != null) {
        dimensions.put(d, rs.getString(d));
      }
    }
    com.escalationrca.ingest.EscalationDimensions.read(rs.getString("dimensions"), dimensions);
    return new IndexedEscalation(rs.getString("external_id"), rs.getTimestamp("created_at").toInstant(),
        rs.getString("narrative"), rs.getString("detected_language"), dimensions);
  }
}
