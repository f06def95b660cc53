package com.escalationrca.generate;

import java.time.LocalDate;
import java.util.List;

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
}
