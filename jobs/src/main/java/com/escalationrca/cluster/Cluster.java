package com.escalationrca.cluster;

import java.util.List;

/**
 * One recurring problem: a stable id, a readable label (a 2–4 word key phrase), the terms that
 * weigh most in its centre, its size and the members closest to its centre.
 */
public record Cluster(String id, String label, List<String> topTerms, int size,
                      List<Long> exampleIds, float[] centroid) {

  public static final String UNCLUSTERED = "unclustered";

  public Cluster {
    topTerms = List.copyOf(topTerms);
    exampleIds = List.copyOf(exampleIds);
  }
}
