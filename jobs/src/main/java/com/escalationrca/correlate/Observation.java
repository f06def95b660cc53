package com.escalationrca.correlate;

import java.time.LocalDate;
import java.util.Map;

/**
 * One escalation of the analysis window as the correlation sees it: its cluster, day, dimension
 * values and the words of its narrative ({@link Words#NONE} when the words are not looked at).
 */
public record Observation(String externalId, String clusterId, double similarity, LocalDate day,
                          Map<String, String> dimensions, Words words) {

  public Observation {
    dimensions = Map.copyOf(dimensions);
    words = words == null ? Words.NONE : words;
  }

  public Observation(String externalId, String clusterId, double similarity, LocalDate day,
                     Map<String, String> dimensions) {
    this(externalId, clusterId, similarity, day, dimensions, Words.NONE);
  }
}
