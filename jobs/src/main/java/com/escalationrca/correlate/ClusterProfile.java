package com.escalationrca.correlate;

import java.util.Map;

/**
 * What a cluster is along the profile dimensions (policy, language): the most common value of
 * each and its share of the cluster, e.g. policy = private_information (97 %).
 */
public record ClusterProfile(String clusterId, Map<String, ValueShare> dominant) {

  public record ValueShare(String value, double share) {
  }

  public ClusterProfile {
    // Taxonomy order, the same in every process: Map.copyOf iterates in an order salted per JVM.
    dominant = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(dominant));
  }
}
