package com.escalationrca.cluster;

import java.util.List;
import java.util.Map;

/**
 * The clusters of one run and every document's assignment (the {@link Cluster#UNCLUSTERED} bucket
 * included), with its similarity to its cluster's centre.
 */
public record Clustering(List<Cluster> clusters, Map<Long, Assignment> assignments) {

  public record Assignment(String clusterId, double similarity) {
  }

  public Clustering {
    clusters = List.copyOf(clusters);
    assignments = Map.copyOf(assignments);
  }

  /** The same clustering with tonight's clusters renamed to their identities across nights. */
  public Clustering identified(List<ClusterIdentity.Identity> identities) {
    if (identities.size() != clusters.size()) {
      throw new IllegalArgumentException("one identity per cluster expected");
    }
    java.util.Map<String, String> renamed = new java.util.HashMap<>();
    List<Cluster> result = new java.util.ArrayList<>();
    for (int i = 0; i < clusters.size(); i++) {
      renamed.put(clusters.get(i).id(), identities.get(i).id());
      result.add(clusters.get(i).identified(identities.get(i)));
    }
    Map<Long, Assignment> reassigned = new java.util.HashMap<>();
    assignments.forEach((id, a) -> reassigned.put(id,
        new Assignment(renamed.getOrDefault(a.clusterId(), a.clusterId()), a.similarity())));
    return new Clustering(result, reassigned);
  }

  public long unclustered() {
    return assignments.values().stream().filter(a -> a.clusterId().equals(Cluster.UNCLUSTERED)).count();
  }
}
