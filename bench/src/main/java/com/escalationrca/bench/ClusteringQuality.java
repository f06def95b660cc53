package com.escalationrca.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * External clustering quality against gold labels: normalised mutual information (arithmetic-mean
 * normalisation, as scikit-learn's default), adjusted Rand index (Hubert &amp; Arabie, 1985) and
 * purity. Every document counts, so a "not clustered" bucket is scored as one more cluster.
 */
public record ClusteringQuality(double nmi, double ari, double purity) {

  public static <G, P> ClusteringQuality of(List<G> gold, List<P> predicted) {
    if (gold.size() != predicted.size() || gold.isEmpty()) {
      throw new IllegalArgumentException("need one prediction per gold label");
    }
    int n = gold.size();
    Map<G, Integer> goldCounts = new HashMap<>();
    Map<P, Integer> predictedCounts = new HashMap<>();
    Map<P, Map<G, Integer>> joint = new HashMap<>();
    for (int i = 0; i < n; i++) {
      goldCounts.merge(gold.get(i), 1, Integer::sum);
      predictedCounts.merge(predicted.get(i), 1, Integer::sum);
      joint.computeIfAbsent(predicted.get(i), k -> new HashMap<>()).merge(gold.get(i), 1, Integer::sum);
    }
    double mutual = 0;
    double pairsBoth = 0;
    long majority = 0;
    for (Map.Entry<P, Map<G, Integer>> cluster : joint.entrySet()) {
      int clusterSize = predictedCounts.get(cluster.getKey());
      int best = 0;
      for (Map.Entry<G, Integer> cell : cluster.getValue().entrySet()) {
        int c = cell.getValue();
        mutual += (double) c / n * Math.log((double) c * n / ((double) clusterSize * goldCounts.get(cell.getKey())));
        pairsBoth += pairs(c);
        best = Math.max(best, c);
      }
      majority += best;
    }
    double goldEntropy = entropy(goldCounts, n);
    double predictedEntropy = entropy(predictedCounts, n);
    double nmi = goldEntropy + predictedEntropy == 0 ? 1 : mutual / ((goldEntropy + predictedEntropy) / 2);
    double pairsGold = goldCounts.values().stream().mapToDouble(ClusteringQuality::pairs).sum();
    double pairsPredicted = predictedCounts.values().stream().mapToDouble(ClusteringQuality::pairs).sum();
    double expected = pairsGold * pairsPredicted / pairs(n);
    double maximum = (pairsGold + pairsPredicted) / 2;
    double ari = maximum == expected ? 1 : (pairsBoth - expected) / (maximum - expected);
    return new ClusteringQuality(nmi, ari, (double) majority / n);
  }

  private static double pairs(double count) {
    return count * (count - 1) / 2;
  }

  private static <K> double entropy(Map<K, Integer> counts, int n) {
    double h = 0;
    for (int c : counts.values()) {
      h -= (double) c / n * Math.log((double) c / n);
    }
    return h;
  }
}
