package com.escalationrca.ingest;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One escalation as it is stored: a narrative plus the dimensions the job correlates with: the
 * eight with columns of their own, and the taxonomy's other dimensions ({@code dimensions}, by
 * name). Dimension values may be null (absent) when the source does not have them.
 */
public record Escalation(String externalId, Instant created, Instant updated, String narrative,
                         String policy, String vendor, String market, String language,
                         String channel, String priority, String action, String outcome,
                         Map<String, String> dimensions, Map<String, String> extra) {

  public Escalation {
    Objects.requireNonNull(externalId, "externalId");
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(narrative, "narrative");
    updated = updated == null ? created : updated;
    extra = extra == null ? Map.of() : Map.copyOf(extra);
    // Sorted: the stored JSON, and so the content hash, does not depend on a source's column order.
    dimensions = dimensions == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(dimensions));
  }

  /** The value of a dimension column by its name in the taxonomy. */
  public String dimension(String name) {
    return switch (name) {
      case "policy" -> policy;
      case "vendor" -> vendor;
      case "market" -> market;
      case "language" -> language;
      case "channel" -> channel;
      case "priority" -> priority;
      case "action" -> action;
      case "outcome" -> outcome;
      default -> dimensions.get(name);
    };
  }
}
