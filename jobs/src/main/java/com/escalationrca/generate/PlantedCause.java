package com.escalationrca.generate;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.escalationrca.correlate.Finding;

/**
 * A root cause the generator plants: from {@code start} to the last day, {@code count} extra
 * escalations of one theme for one vendor × policy × market (no market for a cause planted into
 * real complaints, which moves complaints onto a company and keeps their states).
 */
public record PlantedCause(String theme, String policy, String vendor, String market,
                           LocalDate start, int count, List<String> keyTerms) {

  public PlantedCause {
    if (count < 1) {
      throw new IllegalArgumentException("a planted cause needs at least one escalation");
    }
    keyTerms = List.copyOf(keyTerms);
  }

  /** "Atlas Review misapplies public_info_removed_new_policy to BR (private_information)". */
  public String describe() {
    return "vendor " + vendor + " × policy " + policy + (market == null ? "" : " × market " + market)
        + ": theme " + theme + " since " + start + " (" + count + " escalations)";
  }

  /**
   * Does a published finding ("vendor ∧ market", "A ∧ BR") name this cause: its vendor, alone or with
   * the cause's market and policy (the policy for a theme that occurs under every policy), and
   * nothing else but words of its narratives? How tests and benchmarks score a report.
   */
  public boolean isNamedBy(String dimension, String value) {
    Map<String, String> values = Finding.values(dimension, value);
    values.remove("words");
    Map<String, String> planted = values();
    return values.containsKey("vendor")
        && values.entrySet().stream().allMatch(e -> e.getValue().equals(planted.get(e.getKey())));
  }

  /** The dimension values the cause was planted with (a real-data cause has no market); a new map. */
  public Map<String, String> values() {
    Map<String, String> values = new HashMap<>();
    values.put("vendor", vendor);
    values.put("policy", policy);
    if (market != null) {
      values.put("market", market);
    }
    return values;
  }
}
