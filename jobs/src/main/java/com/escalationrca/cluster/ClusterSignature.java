package com.escalationrca.cluster;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A cluster centre that outlives the night's vocabulary: its heaviest features (lemmas or stems)
 * with their weights, unit length. Two nights' clusters are compared by the cosine of their
 * signatures, whatever each night's feature indices were.
 */
public record ClusterSignature(Map<String, Double> weights) {

  /** Features kept per cluster: enough to carry > 90 % of a centroid's mass in practice. */
  public static final int SIZE = 64;

  public ClusterSignature {
    double norm = Math.sqrt(weights.values().stream().mapToDouble(w -> w * w).sum());
    Map<String, Double> unit = new LinkedHashMap<>();
    weights.forEach((feature, w) -> unit.put(feature, norm == 0 ? 0 : w / norm));
    weights = Map.copyOf(unit);
  }

  public double cosine(ClusterSignature other) {
    Map<String, Double> small = weights.size() <= other.weights.size() ? weights : other.weights;
    Map<String, Double> large = small == weights ? other.weights : weights;
    double dot = 0;
    for (Map.Entry<String, Double> e : small.entrySet()) {
      dot += e.getValue() * large.getOrDefault(e.getKey(), 0.0);
    }
    return dot;
  }

  /** "feature:weight feature:weight …", as stored in {@code rca_cluster.signature}. */
  public String encode() {
    return weights.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .map(e -> e.getKey() + ":" + String.format(java.util.Locale.ROOT, "%.5f", e.getValue()))
        .collect(Collectors.joining(" "));
  }

  public static ClusterSignature decode(String encoded) {
    Map<String, Double> weights = new HashMap<>();
    if (encoded != null && !encoded.isBlank()) {
      for (String pair : encoded.split(" ")) {
        int colon = pair.lastIndexOf(':');
        weights.put(pair.substring(0, colon), Double.parseDouble(pair.substring(colon + 1)));
      }
    }
    return new ClusterSignature(weights);
  }
}
