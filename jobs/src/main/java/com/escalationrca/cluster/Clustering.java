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

  public long unclustered() {
    return assignments.values().stream().filter(a -> a.clusterId().equals(Cluster.UNCLUSTERED)).count();
  }
}
