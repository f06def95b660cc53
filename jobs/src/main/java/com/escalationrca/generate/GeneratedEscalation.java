package com.escalationrca.generate;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** One synthetic escalation in the native format, plus its theme (the ground truth). */
public record GeneratedEscalation(String id, Instant created, Instant updated, String narrative,
                                  String policy, String vendor, String market, String language,
                                  String channel, String priority, String action, String outcome,
                                  String theme, boolean planted) {

  /** The eight dimension values by taxonomy name (policy, vendor, market, language, …). */
  public Map<String, String> dimensions() {
    Map<String, String> d = new LinkedHashMap<>();
    d.put("policy", policy);
    d.put("vendor", vendor);
    d.put("market", market);
    d.put("language", language);
    d.put("channel", channel);
    d.put("priority", priority);
    d.put("action", action);
    d.put("outcome", outcome);
    return d;
  }

  /** The row as written to the data file, in native column order (without the ground truth). */
  public Map<String, String> nativeColumns() {
    Map<String, String> row = new LinkedHashMap<>();
    row.put("id", id);
    row.put("created", created.toString());
    row.put("updated", updated.toString());
    row.put("narrative", narrative);
    row.putAll(dimensions());
    return row;
  }
}
