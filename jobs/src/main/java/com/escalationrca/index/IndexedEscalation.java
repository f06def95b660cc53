package com.escalationrca.index;

import java.time.Instant;
import java.util.Map;

/** What goes into the search index for one escalation. */
public record IndexedEscalation(String externalId, Instant created, String narrative,
                                String detectedLanguage, Map<String, String> dimensions) {

  public IndexedEscalation {
    dimensions = Map.copyOf(dimensions);
  }
}
