package com.escalationrca.cluster;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Clustering bounds and thresholds.
 * <ul>
 *   <li>Narratives are first over-clustered into micro-clusters, about one per five distinct points,
 *   between {@code minClusters} and {@code maxClusters}, by spherical k-means seeded on a sample of
 *   {@code fitSample} points.</li>
 *   <li>Micro-clusters then merge by average linkage while their members' mean pairwise cosine is
 *   at least {@code mergeSimilarity} (TF-IDF vectors) or {@code embeddingMergeSimilarity} (sentence
 *   embeddings): one problem, one cluster.</li>
 *   <li>Members less similar than {@code minSimilarity} ({@code embeddingMinSimilarity} for
 *   embeddings) to their cluster's centre, and clusters smaller than {@code minClusterSize}, go to
 *   the "not clustered" bucket (a small cluster's members first try the other clusters).</li>
 *   <li>Narratives whose feature sets have Jaccard similarity at least
 *   {@code nearDuplicateSimilarity} count as one point (0: only identical ones).</li>
 *   <li>Merging leans on last night's clusters: micro-clusters most of whose members were in the
 *   same cluster last night merge down to a threshold {@code mergeStickiness} lower, ones from
 *   different clusters only from a threshold that much higher (0: every night from scratch).</li>
 *   <li>A cluster keeps last night's id when most members of one are in the other; with no members
 *   in common (a long gap between runs), when the cosine of the two signatures is at least
 *   {@code identityThreshold}.</li>
 * </ul>
 */
@ConfigurationProperties("rca.cluster")
public record ClusterProperties(@DefaultValue("4") int minClusters,
                                @DefaultValue("120") int maxClusters,
                                @DefaultValue("4") int minClusterSize,
                                @DefaultValue("3") int minDocumentFrequency,
                                @DefaultValue("0.4") double maxDocumentFrequencyRatio,
                                @DefaultValue("20000") int maxTerms,
                                @DefaultValue("25") int iterations,
                                @DefaultValue("0.12") double minSimilarity,
                                @DefaultValue("20000") int fitSample,
                                @DefaultValue("42") long seed,
                                @DefaultValue("0.5") double identityThreshold,
                                @DefaultValue("0.85") double nearDuplicateSimilarity,
                                @DefaultValue("0.12") double mergeSimilarity,
                                @DefaultValue("0.5") double embeddingMergeSimilarity,
                                @DefaultValue("0.3") double embeddingMinSimilarity,
                                @DefaultValue("0.25") double mergeStickiness) {

  public ClusterProperties {
    if (minClusters < 1 || maxClusters < minClusters) {
      throw new IllegalArgumentException("rca.cluster: need 1 <= min-clusters <= max-clusters");
    }
    if (minSimilarity < 0 || minSimilarity >= 1 || embeddingMinSimilarity < 0 || embeddingMinSimilarity >= 1) {
      throw new IllegalArgumentException("rca.cluster.min-similarity and embedding-min-similarity must be in [0, 1)");
    }
    if (mergeStickiness < 0 || mergeStickiness >= 1) {
      throw new IllegalArgumentException("rca.cluster.merge-stickiness must be in [0, 1)");
    }
    if (mergeSimilarity <= 0 || embeddingMergeSimilarity <= 0) {
      throw new IllegalArgumentException("rca.cluster.merge-similarity and embedding-merge-similarity must be positive");
    }
  }
}
