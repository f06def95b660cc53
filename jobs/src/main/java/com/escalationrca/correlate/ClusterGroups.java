package com.escalationrca.correlate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.escalationrca.cluster.Cluster;

/**
 * Related clusters as populations, for a problem the clustering split: one complaint type written
 * many ways lands in six or eight clusters, none of which holds enough of it to test, and each word
 * of it holds only part of it. Clusters are joined bottom-up by the words their narratives use
 * (average linkage over IDF-weighted word profiles, cosine), and every join up to
 * {@code maxShare} of the window is a group: "the credit-report clusters", "the card-fraud
 * clusters". Groups are built from the words alone, before any test looks at time or values, so
 * testing them costs a correction for their number and nothing more.
 */
final class ClusterGroups {

  /** Separates the member clusters in a group's id ("C0003+C0007"). */
  static final String JOIN = "+";

  /** One group: its id (member ids joined, sorted) and its member clusters. */
  record Group(String id, Set<String> clusters, int size) {

    boolean contains(String clusterId) {
      return clusters.contains(clusterId);
    }
  }

  private final int maxClusters;
  private final double maxShare;

  /**
   * @param maxClusters the largest clusters joined (the rest stay alone); joining costs
   *                    clusters² × words
   * @param maxShare    a group holding more of the window says nothing a whole-window rise does not
   */
  ClusterGroups(int maxClusters, double maxShare) {
    this.maxClusters = maxClusters;
    this.maxShare = maxShare;
  }

  /** The groups of two clusters or more, smallest first. */
  List<Group> groups(List<Observation> window, int[] candidate, int words) {
    Map<String, List<Observation>> byCluster = new HashMap<>();
    for (Observation o : window) {
      if (!o.clusterId().equals(Cluster.UNCLUSTERED)) {
        byCluster.computeIfAbsent(o.clusterId(), k -> new ArrayList<>()).add(o);
      }
    }
    List<String> ids = byCluster.keySet().stream()
        .sorted(Comparator.comparingInt((String c) -> -byCluster.get(c).size()).thenComparing(c -> c))
        .limit(maxClusters).toList();
    int k = ids.size();
    List<Group> groups = new ArrayList<>();
    // Each cluster is a group of one, tested with each value (its rise alone is the cluster's own surge).
    for (String id : ids) {
      groups.add(new Group(id, Set.of(id), byCluster.get(id).size()));
    }
    if (k < 3 || words == 0) {
      return groups;
    }
    double[] idf = idf(window, candidate, words);
    float[][] profile = new float[k][];
    for (int c = 0; c < k; c++) {
      double[] p = new double[words];
      for (Observation o : byCluster.get(ids.get(c))) {
        for (int id : o.words().ids()) {
          if (id < candidate.length && candidate[id] >= 0) {
            p[candidate[id]] += idf[candidate[id]];
          }
        }
      }
      profile[c] = unit(p);
    }
    // Average linkage: the similarity of two groups is the size-weighted mean of their members'.
    double[][] similarity = new double[k][k];
    for (int a = 0; a < k; a++) {
      for (int b = a + 1; b < k; b++) {
        similarity[a][b] = similarity[b][a] = dot(profile[a], profile[b]);
      }
    }
    int[] size = new int[k];
    List<Set<String>> members = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      size[c] = byCluster.get(ids.get(c)).size();
      members.add(new TreeSet<>(List.of(ids.get(c))));
    }
    boolean[] active = new boolean[k];
    Arrays.fill(active, true);
    long limit = (long) Math.floor(maxShare * window.size());
    for (int step = 0; step < k - 1; step++) {
      int bestA = -1;
      int bestB = -1;
      double best = Double.NEGATIVE_INFINITY;
      for (int a = 0; a < k; a++) {
        for (int b = a + 1; active[a] && b < k; b++) {
          if (active[b] && similarity[a][b] > best) {
            best = similarity[a][b];
            bestA = a;
            bestB = b;
          }
        }
      }
      if (bestA < 0) {
        break;
      }
      for (int c = 0; c < k; c++) {
        if (active[c] && c != bestA && c != bestB) {
          double joined = (size[bestA] * similarity[bestA][c] + size[bestB] * similarity[bestB][c]) / (size[bestA] + size[bestB]);
          similarity[bestA][c] = similarity[c][bestA] = joined;
        }
      }
      size[bestA] += size[bestB];
      members.get(bestA).addAll(members.get(bestB));
      active[bestB] = false;
      if (size[bestA] > limit) {
        // Larger groups only grow from here: nothing above this join is a group either.
        active[bestA] = false;
        continue;
      }
      Set<String> clusters = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(members.get(bestA)));
      groups.add(new Group(String.join(JOIN, clusters), clusters, size[bestA]));
    }
    return groups;
  }

  private static double[] idf(List<Observation> window, int[] candidate, int words) {
    int[] df = new int[words];
    for (Observation o : window) {
      for (int id : o.words().ids()) {
        if (id < candidate.length && candidate[id] >= 0) {
          df[candidate[id]]++;
        }
      }
    }
    double[] idf = new double[words];
    for (int w = 0; w < words; w++) {
      idf[w] = Math.log((1.0 + window.size()) / (1.0 + df[w]));
    }
    return idf;
  }

  private static float[] unit(double[] p) {
    double norm = 0;
    for (double v : p) {
      norm += v * v;
    }
    float[] u = new float[p.length];
    if (norm > 0) {
      double scale = 1 / Math.sqrt(norm);
      for (int i = 0; i < p.length; i++) {
        u[i] = (float) (p[i] * scale);
      }
    }
    return u;
  }

  private static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
