package com.escalationrca.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Groups narratives into recurring problems, one cluster per problem.
 * <ol>
 *   <li>Narratives with a sentence embedding are clustered in embedding space, the others by
 *   latent semantic vectors of their TF-IDF vectors ({@link LatentSemantics}; two partitions; the
 *   job embeds the languages its model serves well).</li>
 *   <li>Identical and near-duplicate narratives (copy-pasted templates) collapse to one point, so
 *   they cannot form a cluster by repetition alone.</li>
 *   <li>Each partition is over-clustered by spherical k-means into micro-clusters, about one per
 *   {@value #POINTS_PER_MICRO_CLUSTER} points, and micro-clusters merge by average linkage while
 *   their members stay alike on average ({@link AverageLinkage}): the threshold, not a guessed k,
 *   decides how many problems there are.</li>
 *   <li>Members of clusters too small to act on settle in the cluster they are most like; members
 *   far from every centre go to the "not clustered" bucket.</li>
 * </ol>
 * Labels, top terms and signatures come from the members' TF-IDF vectors in both partitions, so a
 * cluster reads and keeps its identity across nights the same way however it was found. Cost:
 * O(n + iterations × points × micro-clusters × non-zeros + micro-clusters² × dimensions).
 */
public final class NarrativeClusterer {

  private static final Logger log = LoggerFactory.getLogger(NarrativeClusterer.class);
  private static final int TOP_TERMS = 8;
  private static final int EXAMPLES = 5;
  /** Over-clustering: about this many distinct points per micro-cluster before merging. */
  static final int POINTS_PER_MICRO_CLUSTER = 5;
  private static final int SETTLING_ROUNDS = 5;
  /** k-means passes over all points after fitting on the sample. */
  private static final int REFINE_PASSES = 5;

  private final ClusterProperties properties;

  public NarrativeClusterer(ClusterProperties properties) {
    this.properties = properties;
  }

  public Clustering cluster(List<NarrativeDocument> documents) {
    return cluster(documents, TermStatistics.WINDOW_ONLY);
  }

  /** Clusters with term weights from {@code statistics} (the search index's) where they know a term. */
  public Clustering cluster(List<NarrativeDocument> documents, TermStatistics statistics) {
    return cluster(documents, statistics, PreviousAssignments.NONE);
  }

  /**
   * Clusters leaning on last night's clusters ({@code previous}): micro-clusters are split along
   * them ({@link MicroClusterHistory}), and parts of one of last night's clusters merge more easily
   * with each other and less easily with others ({@link AverageLinkage}).
   */
  public Clustering cluster(List<NarrativeDocument> documents, TermStatistics statistics,
                            PreviousAssignments previous) {
    TermVectors vectors = TermVectors.build(documents, properties, statistics);
    Map<Long, Clustering.Assignment> assignments = new HashMap<>();
    for (NarrativeDocument document : documents) {
      assignments.put(document.escalationId(), new Clustering.Assignment(Cluster.UNCLUSTERED, 0));
    }
    List<Found> found = new ArrayList<>();
    for (Geometry geometry : Geometry.values()) {
      List<Integer> members = IntStream.range(0, documents.size())
          .filter(d -> geometry.holds(documents.get(d), vectors.vector(d))).boxed().toList();
      if (members.isEmpty()) {
        continue;
      }
      Partition partition = partition(geometry, members, documents, vectors, previous);
      found.addAll(partition.clusters());
      for (int i = 0; i < partition.outliers().size(); i++) {
        for (int d : partition.outliers().get(i)) {
          assignments.put(documents.get(d).escalationId(),
              new Clustering.Assignment(Cluster.UNCLUSTERED, Math.max(0, partition.outlierSimilarity()[i])));
        }
      }
    }
    found.sort(Comparator.comparingInt((Found f) -> -f.size()).thenComparing(f -> f.points().get(0).get(0)));
    List<List<List<String>>> memberPhrases = new ArrayList<>();
    List<List<String>> topTerms = new ArrayList<>();
    List<float[]> lexicalCentres = new ArrayList<>();
    for (int r = 0; r < found.size(); r++) {
      Found f = found.get(r);
      List<List<String>> phrases = new ArrayList<>();
      double[] lexical = new double[vectors.dimensions()];
      for (int i = 0; i < f.points().size(); i++) {
        List<Integer> group = f.points().get(i);
        vectors.vector(group.get(0)).addTo(lexical, 1.0);
        for (int d : group) {
          assignments.put(documents.get(d).escalationId(), new Clustering.Assignment(id(r), f.similarity()[i]));
          phrases.add(documents.get(d).phrases());
        }
      }
      memberPhrases.add(phrases);
      float[] centre = SphericalKMeans.unit(lexical);
      lexicalCentres.add(centre);
      topTerms.add(topTerms(centre, vectors));
    }
    List<String> labels = new ClusterLabeler().label(memberPhrases, topTerms);
    List<Cluster> clusters = new ArrayList<>();
    for (int r = 0; r < found.size(); r++) {
      Found f = found.get(r);
      List<Long> examples = IntStream.range(0, f.points().size()).boxed()
          .sorted(Comparator.comparingDouble((Integer i) -> -f.similarity()[i]).thenComparing(i -> f.points().get(i).get(0)))
          .limit(EXAMPLES).map(i -> documents.get(f.points().get(i).get(0)).escalationId()).toList();
      clusters.add(new Cluster(id(r), labels.get(r), topTerms.get(r), f.size(), examples,
          signature(lexicalCentres.get(r), vectors), ClusterStatus.NEW, List.of()));
    }
    log.info("Clustered {} narratives into {} clusters; {} not clustered", documents.size(), clusters.size(),
        assignments.values().stream().filter(a -> a.clusterId().equals(Cluster.UNCLUSTERED)).count());
    return new Clustering(clusters, assignments);
  }

  /** How a partition's narratives are compared: by their words, or by their sentence embeddings. */
  enum Geometry {
    TERMS, EMBEDDING;

    boolean holds(NarrativeDocument document, SparseVector terms) {
      return this == EMBEDDING ? document.hasEmbedding() : !document.hasEmbedding() && !terms.isEmpty();
    }
  }

  /**
   * One cluster found in a partition: its points (groups of document indices, first one the
   * representative) with their similarity to the centre, and its size in escalations.
   */
  private record Found(List<List<Integer>> points, double[] similarity, int size) {
  }

  /** A partition's clusters, and the points that went to the bucket with their similarity to their centre. */
  private record Partition(List<Found> clusters, List<List<Integer>> outliers, double[] outlierSimilarity) {
  }

  private Partition partition(Geometry geometry, List<Integer> members, List<NarrativeDocument> documents,
                                TermVectors vectors, PreviousAssignments previous) {
    List<List<Integer>> groups = distinctPoints(members, vectors);
    SparseVector[] points = groups.stream().map(g -> geometry == Geometry.EMBEDDING
        ? dense(documents.get(g.get(0)).embedding()) : vectors.vector(g.get(0))).toArray(SparseVector[]::new);
    int dimensions = geometry == Geometry.EMBEDDING ? documents.get(groups.get(0).get(0)).embedding().length
        : vectors.dimensions();
    boolean latent = geometry == Geometry.TERMS && properties.latentDimensions() > 0 && dimensions > 0;
    if (latent) {
      // Fitted on the same sample k-means is seeded on; every point is projected.
      LatentSemantics semantics = LatentSemantics.fit(sample(points), dimensions, properties.latentDimensions(),
          properties.seed());
      points = Arrays.stream(points).map(p -> dense(semantics.project(p))).toArray(SparseVector[]::new);
      dimensions = semantics.rank();
    }
    int[] sizes = groups.stream().mapToInt(List::size).toArray();
    int escalations = Arrays.stream(sizes).sum();
    if (escalations < properties.minClusterSize() || dimensions == 0) {
      return new Partition(List.of(), groups, new double[groups.size()]);
    }
    int k = Math.max(1, Math.min(points.length,
        Math.max(properties.minClusters(), Math.min(properties.maxClusters(), points.length / POINTS_PER_MICRO_CLUSTER))));
    SphericalKMeans kmeans = new SphericalKMeans(properties.iterations(), properties.seed());
    // Centres found on the sample need only a few passes over every point: the sample has settled them.
    SphericalKMeans.Result micro = points.length <= properties.fitSample()
        ? kmeans.fit(points, dimensions, k)
        : kmeans.refine(points, kmeans.fit(sample(points), dimensions, k).centroids(), REFINE_PASSES);
    double threshold = geometry == Geometry.EMBEDDING ? properties.embeddingMergeSimilarity()
        : latent ? properties.latentMergeSimilarity() : properties.mergeSimilarity();
    // Micro-clusters straddling last night's clusters are split along them, and merging leans on them.
    MicroClusterHistory.Parts parts = MicroClusterHistory.split(groups, micro.assignment(), micro.k(), documents, previous);
    int[] merged = AverageLinkage.merge(points, parts.assignment(), parts.k(), dimensions, threshold, parts.labels(),
        previous.isEmpty() ? 0 : properties.mergeStickiness());
    int[] cluster = new int[points.length];
    for (int p = 0; p < points.length; p++) {
      cluster[p] = merged[parts.assignment()[p]];
    }
    int count = Arrays.stream(merged).max().orElse(-1) + 1;
    settleSmallClusters(points, sizes, cluster, count, dimensions);
    double minimum = geometry == Geometry.EMBEDDING ? properties.embeddingMinSimilarity()
        : latent ? properties.latentMinSimilarity() : properties.minSimilarity();
    Partition found = found(points, groups, sizes, cluster, count, dimensions, minimum);
    log.info("{} partition: {} narratives ({} distinct points, background similarity {}) into {} micro-clusters,"
        + " merged into {} clusters", geometry.name().toLowerCase(), escalations, points.length,
        String.format(java.util.Locale.ROOT, "%.3f", background(points, dimensions)), micro.k(), found.clusters().size());
    return found;
  }

  /**
   * Members of clusters smaller than {@code minClusterSize} move to the remaining cluster they are
   * most like on average (mean cosine to its members), a few rounds until every cluster is large
   * enough; with none left, they stay (and {@link #found} sends them to the bucket). Without this,
   * every member of a dropped cluster would land in the bucket, however close it is to another.
   */
  void settleSmallClusters(SparseVector[] points, int[] sizes, int[] cluster, int count, int dimensions) {
    for (int round = 0; round < SETTLING_ROUNDS; round++) {
      long[] escalations = new long[count];
      long[] distinct = new long[count];
      double[][] sums = new double[count][];
      for (int p = 0; p < points.length; p++) {
        if (cluster[p] < 0) {
          continue;
        }
        escalations[cluster[p]] += sizes[p];
        distinct[cluster[p]]++;
        if (sums[cluster[p]] == null) {
          sums[cluster[p]] = new double[dimensions];
        }
        points[p].addTo(sums[cluster[p]], 1.0);
      }
      boolean[] small = new boolean[count];
      boolean anySmall = false;
      boolean anyKept = false;
      for (int c = 0; c < count; c++) {
        small[c] = escalations[c] > 0 && escalations[c] < properties.minClusterSize();
        anySmall |= small[c];
        anyKept |= escalations[c] >= properties.minClusterSize();
      }
      if (!anySmall || !anyKept) {
        return;
      }
      for (int p = 0; p < points.length; p++) {
        if (cluster[p] < 0 || !small[cluster[p]]) {
          continue;
        }
        double best = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < count; c++) {
          if (escalations[c] >= properties.minClusterSize()) {
            double mean = dot(points[p], sums[c]) / distinct[c];
            if (mean > best) {
              best = mean;
              cluster[p] = c;
            }
          }
        }
      }
    }
  }

  /** The partition's clusters: members near their centre; the rest, and too-small clusters, are outliers. */
  private Partition found(SparseVector[] points, List<List<Integer>> groups, int[] sizes, int[] cluster, int count,
                          int dimensions, double minimum) {
    double[][] sums = new double[count][dimensions];
    long[] escalations = new long[count];
    for (int p = 0; p < points.length; p++) {
      points[p].addTo(sums[cluster[p]], 1.0);
      escalations[cluster[p]] += sizes[p];
    }
    List<Found> found = new ArrayList<>();
    List<List<Integer>> outliers = new ArrayList<>();
    List<Double> outlierSimilarity = new ArrayList<>();
    for (int c = 0; c < count; c++) {
      float[] centre = SphericalKMeans.unit(sums[c]);
      List<List<Integer>> kept = new ArrayList<>();
      List<Double> similarity = new ArrayList<>();
      int size = 0;
      for (int p = 0; p < points.length; p++) {
        if (cluster[p] != c) {
          continue;
        }
        double s = points[p].dot(centre);
        if (escalations[c] >= properties.minClusterSize() && s >= minimum) {
          kept.add(groups.get(p));
          similarity.add(s);
          size += sizes[p];
        } else {
          outliers.add(groups.get(p));
          outlierSimilarity.add(s);
        }
      }
      if (size >= properties.minClusterSize()) {
        found.add(new Found(kept, similarity.stream().mapToDouble(Double::doubleValue).toArray(), size));
      } else {
        outliers.addAll(kept);
        outlierSimilarity.addAll(similarity);
      }
    }
    return new Partition(found, outliers, outlierSimilarity.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /**
   * Groups of documents that count as one point: identical term vectors, then near-duplicates
   * (feature-set Jaccard at least {@code nearDuplicateSimilarity}); each group is represented by its
   * first member.
   */
  private List<List<Integer>> distinctPoints(List<Integer> members, TermVectors vectors) {
    Map<String, List<Integer>> identical = new LinkedHashMap<>();
    List<List<Integer>> alone = new ArrayList<>();
    for (int d : members) {
      SparseVector v = vectors.vector(d);
      if (v.isEmpty()) {
        alone.add(new ArrayList<>(List.of(d)));
      } else {
        identical.computeIfAbsent(Arrays.toString(v.indices()) + Arrays.toString(v.values()), k -> new ArrayList<>()).add(d);
      }
    }
    List<List<Integer>> groups = new ArrayList<>(identical.values());
    if (properties.nearDuplicateSimilarity() > 0 && properties.nearDuplicateSimilarity() <= 1) {
      SparseVector[] representatives = groups.stream().map(g -> vectors.vector(g.get(0))).toArray(SparseVector[]::new);
      int[] group = new NearDuplicates(properties.nearDuplicateSimilarity(), properties.seed()).groups(representatives);
      Map<Integer, List<Integer>> joined = new LinkedHashMap<>();
      for (int i = 0; i < groups.size(); i++) {
        joined.computeIfAbsent(group[i], g -> new ArrayList<>()).addAll(groups.get(i));
      }
      if (joined.size() < groups.size()) {
        log.info("Collapsed {} distinct narratives into {} (near-duplicates: Jaccard >= {})", groups.size(),
            joined.size(), properties.nearDuplicateSimilarity());
      }
      groups = new ArrayList<>(joined.values());
    }
    groups.addAll(alone);
    return groups;
  }

  /** The mean cosine of two different points: how alike any two narratives of the partition are. */
  static double background(SparseVector[] points, int dimensions) {
    if (points.length < 2) {
      return 0;
    }
    double[] sum = new double[dimensions];
    double self = 0;
    for (SparseVector p : points) {
      p.addTo(sum, 1.0);
      self += squaredNorm(p);
    }
    double all = 0;
    for (double x : sum) {
      all += x * x;
    }
    return (all - self) / ((double) points.length * (points.length - 1));
  }

  private static double squaredNorm(SparseVector v) {
    double s = 0;
    for (float x : v.values()) {
      s += x * x;
    }
    return s;
  }

  private SparseVector[] sample(SparseVector[] points) {
    int size = properties.fitSample();
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

  private static final Map<Integer, int[]> DENSE_INDICES = new java.util.concurrent.ConcurrentHashMap<>();

  /** A dense embedding as a vector over all its dimensions (one shared index array per length). */
  static SparseVector dense(float[] embedding) {
    int[] indices = DENSE_INDICES.computeIfAbsent(embedding.length, n -> IntStream.range(0, n).toArray());
    return new SparseVector(indices, embedding);
  }

  private static double dot(SparseVector v, double[] dense) {
    double sum = 0;
    for (int i = 0; i < v.indices().length; i++) {
      sum += v.values()[i] * dense[v.indices()[i]];
    }
    return sum;
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
