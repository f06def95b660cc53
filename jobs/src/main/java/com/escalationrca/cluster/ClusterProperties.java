package com.escalationrca.cluster;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Clustering bounds and thresholds. A cluster keeps last night's id when the cosine of the two
 * signatures is at least {@code identityThreshold}. The number of clusters is chosen between {@code minClusters}
 * and {@code maxClusters}; members less similar than {@code minSimilarity} to their centre, and
 * clusters smaller than {@code minClusterSize}, go to the "not clustered" bucket. Narratives whose
 * feature sets have Jaccard similarity at least {@code nearDuplicateSimilarity} count as one point
 * (0: only identical ones).
 */
@ConfigurationProperties("rca.cluster")
public record ClusterProperties(@DefaultValue("4") int minClusters,
                                @DefaultValue("60") int maxClusters,
                                @DefaultValue("8") int minClusterSize,
                                @DefaultValue("3") int minDocumentFrequency,
                                @DefaultValue("0.4") double maxDocumentFrequencyRatio,
                                @DefaultValue("20000") int maxTerms,
                                @DefaultValue("25") int iterations,
                                @DefaultValue("0.12") double minSimilarity,
                                @DefaultValue("4000") int selectionSample,
                                @DefaultValue("42") long seed,
                                @DefaultValue("0.5") double identityThreshold,
                                @DefaultValue("0.02") double selectionTolerance,
                                @DefaultValue("0.85") double nearDuplicateSimilarity) {

  public ClusterProperties {
    if (minClusters < 1 || maxClusters < minClusters) {
      throw new IllegalArgumentException("rca.cluster: need 1 <= min-clusters <= max-clusters");
    }
    if (minSimilarity < 0 || minSimilarity >= 1) {
      throw new IllegalArgumentException("rca.cluster.min-similarity must be in [0, 1)");
    }
  }
}
