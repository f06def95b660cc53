package com.escalationrca.correlate;

import java.time.LocalDate;
import java.util.Map;

/** One escalation of the analysis window as the correlation sees it. */
public record Observation(String externalId, String clusterId, double similarity, LocalDate day,
                          Map<String, String> dimensions) {

  public Observation {
    dimensions = Map.copyOf(dimensions);
  }
}
