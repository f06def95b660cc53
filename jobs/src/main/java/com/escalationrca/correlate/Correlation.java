package com.escalationrca.correlate;

import java.util.List;
import java.util.Map;

/** The correlate step's outcome: ranked findings, cluster profiles, and how many tests were run. */
public record Correlation(List<Finding> findings, Map<String, ClusterProfile> profiles, int tests) {

  public Correlation {
    findings = List.copyOf(findings);
    profiles = Map.copyOf(profiles);
  }
}
