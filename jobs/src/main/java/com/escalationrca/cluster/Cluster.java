package com.escalationrca.cluster;

import java.util.List;

/**
 * One recurring problem: an id that stays the same from night to night while the problem does, a
 * readable label (a 2–4 word key phrase), the terms that weigh most in its centre, its size, the
 * members closest to its centre, its signature (for matching across nights) and how it relates to
 * the previous night's clusters.
 */
public record Cluster(String id, String label, List<String> topTerms, int size,
                      List<Long> exampleIds, ClusterSignature signature, ClusterStatus status,
                      List<String> previousIds) {

  public static final String UNCLUSTERED = "unclustered";

  public Cluster {
    topTerms = List.copyOf(topTerms);
    exampleIds = List.copyOf(exampleIds);
    previousIds = List.copyOf(previousIds);
  }

  Cluster identified(ClusterIdentity.Identity identity) {
    return new Cluster(identity.id(), label, topTerms, size, exampleIds, signature, identity.status(),
        identity.previousIds());
  }
}
