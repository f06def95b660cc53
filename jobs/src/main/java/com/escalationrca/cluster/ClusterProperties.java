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
 *   <li>Narratives without an embedding are compared by {@code latentDimensions} latent semantic
 *   dimensions of their TF-IDF vectors ({@link LatentSemantics}), merging at
 *   {@code latentMergeSimilarity}; 0 compares their TF-IDF vectors themselves. On long informal
 *   Portuguese complaints the latent vectors are what keeps one problem in one cluster.</li>
 *   <li>Members less similar than {@code minSimilarity} ({@code embeddingMinSimilarity} for
 *   embeddings, {@code latentMinSimilarity} for latent vectors) to their cluster's centre, and clusters smaller than {@code minClusterSize}, go to
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
                                @DefaultValue("0.25") double mergeStickiness,
                                @DefaultValue("100") int latentDimensions,
                                @DefaultValue("0.18") double latentMergeSimilarity,
                                @DefaultValue("0.2") double latentMinSimilarity) {

  @org.springframework.boot.context.properties.bind.ConstructorBinding
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
    if (mergeSimilarity <= 0 || embeddingMergeSimilarity <= 0 || latentMergeSimilarity <= 0) {
      throw new IllegalArgumentException(
          "rca.cluster.merge-similarity, embedding-merge-similarity and latent-merge-similarity must be positive");
    }
    if (latentDimensions < 0 || latentMinSimilarity < 0 || latentMinSimilarity >= 1) {
      throw new IllegalArgumentException("rca.cluster.latent-dimensions must be at least 0 (0: off) and"
          + " latent-min-similarity in [0, 1)");
    }
  }

  /** The settings of tests and benchmarks written before latent vectors: narratives without embeddings by TF-IDF cosine. */
  public ClusterProperties(int minClusters, int maxClusters, int minClusterSize, int minDocumentFrequency,
                           double maxDocumentFrequencyRatio, int maxTerms, int iterations, double minSimilarity,
                           int fitSample, long seed, double identityThreshold, double nearDuplicateSimilarity,
                           double mergeSimilarity, double embeddingMergeSimilarity, double embeddingMinSimilarity,
                           double mergeStickiness) {
    this(minClusters, maxClusters, minClusterSize, minDocumentFrequency, maxDocumentFrequencyRatio, maxTerms, iterations,
        minSimilarity, fitSample, seed, identityThreshold, nearDuplicateSimilarity, mergeSimilarity,
        embeddingMergeSimilarity, embeddingMinSimilarity, mergeStickiness, 0, 0.18, 0.2);
  }

  /** The same settings with narratives without embeddings compared by {@code dimensions} latent dimensions (0: TF-IDF). */
  public ClusterProperties withLatentDimensions(int dimensions) {
    return new ClusterProperties(minClusters, maxClusters, minClusterSize, minDocumentFrequency, maxDocumentFrequencyRatio,
        maxTerms, iterations, minSimilarity, fitSample, seed, identityThreshold, nearDuplicateSimilarity, mergeSimilarity,
        embeddingMergeSimilarity, embeddingMinSimilarity, mergeStickiness, dimensions, latentMergeSimilarity,
        latentMinSimilarity);
  }
}
