package com.escalationrca.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Groups narratives into recurring problems. Identical and near-duplicate term vectors (copy-pasted
 * templates) are collapsed to one point so they cannot form a cluster by repetition alone; the number of clusters
 * is chosen by the simplified silhouette on a sample over a geometric grid of k; spherical k-means
 * then runs on all distinct vectors from the sample's centres. Members far from every centre, and
 * clusters too small to act on, go to the "not clustered" bucket. Cost: O(n + grid × sample × k ×
 * nnz + iterations × distinct × k × nnz).
 */
public final class NarrativeClusterer {

  private static final Logger log = LoggerFactory.getLogger(NarrativeClusterer.class);
  private static final int TOP_TERMS = 8;
  private static final int EXAMPLES = 5;

  private final ClusterProperties properties;

  public NarrativeClusterer(ClusterProperties properties) {
    this.properties = properties;
  }

  public Clustering cluster(List<NarrativeDocument> documents) {
    return cluster(documents, TermStatistics.WINDOW_ONLY);
  }

  /** Clusters with term weights from {@code statistics} (the search index's) where they know a term. */
  public Clustering cluster(List<NarrativeDocument> documents, TermStatistics statistics) {
    TermVectors vectors = TermVectors.build(documents, properties, statistics);
    Map<String, List<Integer>> groups = new LinkedHashMap<>();
    List<Integer> empty = new ArrayList<>();
    for (int d = 0; d < vectors.size(); d++) {
      SparseVector v = vectors.vector(d);
      if (v.isEmpty()) {
        empty.add(d);
      } else {
        groups.computeIfAbsent(Arrays.toString(v.indices()) + Arrays.toString(v.values()),
            k -> new ArrayList<>()).add(d);
      }
    }
    List<List<Integer>> distinct = nearDuplicatesCollapsed(new ArrayList<>(groups.values()), vectors);
    SparseVector[] points = distinct.stream().map(g -> vectors.vector(g.get(0))).toArray(SparseVector[]::new);
    int maxK = Math.min(properties.maxClusters(), points.length / Math.max(1, properties.minClusterSize()));
    Map<Long, Clustering.Assignment> assignments = new HashMap<>();
    if (maxK < 1 || vectors.dimensions() == 0) {
      documents.forEach(d -> assignments.put(d.escalationId(), new Clustering.Assignment(Cluster.UNCLUSTERED, 0)));
      return new Clustering(List.of(), assignments);
    }
    SphericalKMeans kmeans = new SphericalKMeans(properties.iterations(), properties.seed());
    SphericalKMeans.Result result = withoutSmallClusters(points, distinct, kmeans, kmeans.refine(points,
        chooseK(points, vectors.dimensions(), Math.min(properties.minClusters(), maxK), maxK, kmeans).centroids()));

    // Sizes count every member, duplicates included: a template pasted 50 times is 50 escalations.
    int[] sizes = new int[result.k()];
    for (int p = 0; p < points.length; p++) {
      if (result.similarity()[p] >= properties.minSimilarity()) {
        sizes[result.assignment()[p]] += distinct.get(p).size();
      }
    }
    List<Integer> kept = new ArrayList<>();
    for (int c = 0; c < result.k(); c++) {
      if (sizes[c] >= properties.minClusterSize()) {
        kept.add(c);
      }
    }
    kept.sort(Comparator.comparingInt((Integer c) -> -sizes[c]).thenComparing(c -> c));
    Map<Integer, Integer> rank = new HashMap<>();
    for (int i = 0; i < kept.size(); i++) {
      rank.put(kept.get(i), i);
    }
    List<List<List<String>>> memberPhrases = new ArrayList<>();
    List<List<long[]>> closest = new ArrayList<>();
    kept.forEach(c -> {
      memberPhrases.add(new ArrayList<>());
      closest.add(new ArrayList<>());
    });
    for (int p = 0; p < points.length; p++) {
      Integer r = rank.get(result.assignment()[p]);
      boolean clustered = r != null && result.similarity()[p] >= properties.minSimilarity();
      for (int d : distinct.get(p)) {
        NarrativeDocument document = documents.get(d);
        assignments.put(document.escalationId(), clustered
            ? new Clustering.Assignment(id(r), result.similarity()[p])
            : new Clustering.Assignment(Cluster.UNCLUSTERED, Math.max(0, result.similarity()[p])));
        if (clustered) {
          memberPhrases.get(r).add(document.phrases());
        }
      }
      if (clustered) {
        closest.get(r).add(new long[] {p, Double.doubleToLongBits(result.similarity()[p])});
      }
    }
    for (int d : empty) {
      assignments.put(documents.get(d).escalationId(), new Clustering.Assignment(Cluster.UNCLUSTERED, 0));
    }
    List<List<String>> topTerms = kept.stream().map(c -> topTerms(result.centroids()[c], vectors)).toList();
    List<String> labels = new ClusterLabeler().label(memberPhrases, topTerms);
    List<Cluster> clusters = new ArrayList<>();
    for (int r = 0; r < kept.size(); r++) {
      List<Long> examples = closest.get(r).stream()
          .sorted(Comparator.comparingDouble((long[] e) -> -Double.longBitsToDouble(e[1])))
          .limit(EXAMPLES).map(e -> documents.get(distinct.get((int) e[0]).get(0)).escalationId()).toList();
      clusters.add(new Cluster(id(r), labels.get(r), topTerms.get(r), sizes[kept.get(r)], examples,
          signature(result.centroids()[kept.get(r)], vectors), ClusterStatus.NEW, List.of()));
    }
    log.info("Clustered {} narratives ({} distinct) into {} clusters; {} not clustered",
        documents.size(), points.length, clusters.size(),
        assignments.values().stream().filter(a -> a.clusterId().equals(Cluster.UNCLUSTERED)).count());
    return new Clustering(clusters, assignments);
  }

  /**
   * Joins groups of identical vectors whose feature sets are near-duplicates (Jaccard at least
   * {@code nearDuplicateSimilarity}); each joined group is one point, represented by its first member.
   */
  private List<List<Integer>> nearDuplicatesCollapsed(List<List<Integer>> identical, TermVectors vectors) {
    if (properties.nearDuplicateSimilarity() <= 0 || properties.nearDuplicateSimilarity() > 1) {
      return identical;
    }
    SparseVector[] representatives = identical.stream().map(g -> vectors.vector(g.get(0))).toArray(SparseVector[]::new);
    int[] group = new NearDuplicates(properties.nearDuplicateSimilarity(), properties.seed()).groups(representatives);
    Map<Integer, List<Integer>> joined = new LinkedHashMap<>();
    for (int i = 0; i < identical.size(); i++) {
      joined.computeIfAbsent(group[i], g -> new ArrayList<>()).addAll(identical.get(i));
    }
    if (joined.size() < identical.size()) {
      log.info("Collapsed {} distinct narratives into {} (near-duplicates: Jaccard >= {})", identical.size(),
          joined.size(), properties.nearDuplicateSimilarity());
    }
    return new ArrayList<>(joined.values());
  }

  /**
   * Drops clusters smaller than {@code minClusterSize} and lets their members settle among the
   * remaining centres, again until every cluster is large enough (a few rounds at most). Without
   * this, every member of a dropped cluster would land in the bucket, however close it is to
   * another cluster; a member far from every remaining centre still goes to the bucket.
   */
  SphericalKMeans.Result withoutSmallClusters(SparseVector[] points, List<List<Integer>> distinct,
                                                      SphericalKMeans kmeans, SphericalKMeans.Result result) {
    for (int round = 0; round < 5; round++) {
      int[] sizes = new int[result.k()];
      for (int p = 0; p < points.length; p++) {
        if (result.similarity()[p] >= properties.minSimilarity()) {
          sizes[result.assignment()[p]] += distinct.get(p).size();
        }
      }
      List<float[]> kept = new ArrayList<>();
      for (int c = 0; c < result.k(); c++) {
        if (sizes[c] >= properties.minClusterSize()) {
          kept.add(result.centroids()[c]);
        }
      }
      if (kept.size() == result.k() || kept.isEmpty()) {
        return result;
      }
      result = kmeans.refine(points, kept.toArray(float[][]::new));
    }
    return result;
  }

  /** Tries a geometric grid of k on a sample and keeps the run with the best simplified silhouette. */
  private SphericalKMeans.Result chooseK(SparseVector[] points, int dimensions, int minK, int maxK,
                                         SphericalKMeans kmeans) {
    SparseVector[] sample = sample(points, properties.selectionSample());
    int sampleMaxK = Math.max(minK, Math.min(maxK, sample.length / Math.max(1, properties.minClusterSize() / 2)));
    TreeSet<Integer> grid = new TreeSet<>();
    for (double k = minK; k < sampleMaxK; k *= 1.25) {
      grid.add((int) Math.round(k));
    }
    grid.add(sampleMaxK);
    List<SphericalKMeans.Result> runs = new ArrayList<>();
    List<Double> scores = new ArrayList<>();
    for (int k : grid) {
      SphericalKMeans.Result candidate = kmeans.fit(sample, dimensions, Math.min(k, sample.length));
      runs.add(candidate);
      scores.add(SphericalKMeans.simplifiedSilhouette(sample, candidate));
      log.debug("k = {}: simplified silhouette {}", k, scores.get(scores.size() - 1));
    }
    // The simplified silhouette keeps creeping up as k grows (smaller clusters are always a bit
    // tighter), so take the smallest k that comes within the tolerance of the best score.
    double top = scores.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    int chosen = 0;
    while (scores.get(chosen) < top - properties.selectionTolerance()) {
      chosen++;
    }
    SphericalKMeans.Result best = runs.get(chosen);
    double bestScore = scores.get(chosen);
    log.info("Chose k = {} (simplified silhouette {}) from {}", best.k(), String.format("%.3f", bestScore), grid);
    return best;
  }

  private SparseVector[] sample(SparseVector[] points, int size) {
    if (points.length <= size) {
      return points;
    }
    SparseVector[] copy = points.clone();
    SplittableRandom random = new SplittableRandom(properties.seed());
    for (int i = 0; i < size; i++) {
      int j = i + random.nextInt(copy.length - i);
      SparseVector t = copy[i];
      copy[i] = copy[j];
      copy[j] = t;
    }
    return Arrays.copyOf(copy, size);
  }

  private static List<String> topTerms(float[] centroid, TermVectors vectors) {
    Integer[] order = new Integer[centroid.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Float.compare(centroid[b], centroid[a]));
    List<String> terms = new ArrayList<>();
    for (int i = 0; i < Math.min(TOP_TERMS, order.length) && centroid[order[i]] > 0; i++) {
      terms.add(vectors.display(order[i]));
    }
    return terms;
  }

  private static ClusterSignature signature(float[] centroid, TermVectors vectors) {
    Integer[] order = new Integer[centroid.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Float.compare(centroid[b], centroid[a]));
    Map<String, Double> weights = new HashMap<>();
    for (int i = 0; i < Math.min(ClusterSignature.SIZE, order.length) && centroid[order[i]] > 0; i++) {
      weights.put(vectors.feature(order[i]), (double) centroid[order[i]]);
    }
    return new ClusterSignature(weights);
  }

  /** Provisional ids by size; the identity step replaces them with ids stable across nights. */
  private static String id(int rank) {
    return String.format("C%03d", rank + 1);
  }
}
