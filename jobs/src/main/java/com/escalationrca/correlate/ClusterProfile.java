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
    dominant = Map.copyOf(dominant);
  }
}
