package com.escalationrca.index;

import java.time.Instant;
import java.util.Map;

/** What goes into the search index for one escalation. */
public record IndexedEscalation(String externalId, Instant created, String narrative,
                                String detectedLanguage, Map<String, String> dimensions) {

  public IndexedEscalation {
    dimensions = Map.copyOf(dimensions);
  }

  /**
   * Reads one from a row holding {@code external_id, created_at, narrative, detected_language}
   * and the dimension columns by name (the nightly index step and {@code reindex} share it).
   */
  public static IndexedEscalation fromRow(java.sql.ResultSet rs) throws java.sql.SQLException {
    Map<String, String> dimensions = new java.util.HashMap<>();
    for (String d : IndexSchema.DIMENSIONS) {
      if (rs.getString(d) != null) {
        dimensions.put(d, rs.getString(d));
      }
    }
    return new IndexedEscalation(rs.getString("external_id"), rs.getTimestamp("created_at").toInstant(),
        rs.getString("narrative"), rs.getString("detected_language"), dimensions);
  }
}
