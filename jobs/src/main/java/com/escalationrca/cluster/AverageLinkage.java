package com.escalationrca.cluster;

/**
 * Merges micro-clusters into problems by average linkage (UPGMA; Sokal &amp; Michener, 1958): the two
 * clusters whose members are most alike on average (mean pairwise cosine) merge, again and again,
 * until no pair reaches the threshold. Average linkage, not the cosine of centroids: a merged
 * centroid is an average of several phrasings, alike to everything a little, so centroid merging
 * chains whole corpora together below a sharp threshold that differs from corpus to corpus.
 *
 * <p>The mean pairwise cosine of clusters A and B is sum(A)·sum(B) / (|A| |B|) for unit vectors,
 * and dot products of sums add up when clusters merge, so after the first k² dot products each
 * merge costs O(k): O(k² d + k³) in all.
 *
 * <p>Night after night the same problems must come out as the same clusters, yet a linkage near the
 * threshold tips one way or the other with a day's new escalations. So merging has hysteresis: a
 * micro-cluster carries the label of last night's cluster most of its members were in, and two
 * carrying the same label merge down to {@code threshold × (1 − stickiness)}, two carrying different
 * ones only from {@code threshold × (1 + stickiness)}. A problem stays whole and apart until the
 * evidence clearly says otherwise; unlabelled (new) members merge at the plain threshold.
 */
final class AverageLinkage {

  private AverageLinkage() {
  }

  /**
   * @param points unit vectors
   * @param assignment each point's micro-cluster, 0 .. k − 1
   * @param dimensions the vectors' dimensions
   * @return for each micro-cluster, its merged cluster, numbered 0, 1, … in order of first micro-cluster
   */
  static int[] merge(SparseVector[] points, int[] assignment, int k, int dimensions, double threshold) {
    return merge(points, assignment, k, dimensions, threshold, new int[k], 0);
  }

  /**
   * @param labels each micro-cluster's label from last night (0: none)
   * @param stickiness how far the threshold moves for micro-clusters with labels, in [0, 1)
   */
  static int[] merge(SparseVector[] points, int[] assignment, int k, int dimensions, double threshold,
                     int[] labels, double stickiness) {
    double[][] sums = new double[k][dimensions];
    long[] sizes = new long[k];
    for (int p = 0; p < points.length; p++) {
      points[p].addTo(sums[assignment[p]], 1.0);
      sizes[assignment[p]]++;
    }
    double[][] dot = new double[k][k];
    for (int a = 0; a < k; a++) {
      for (int b = a + 1; b < k; b++) {
        double d = 0;
        for (int i = 0; i < dimensions; i++) {
          d += sums[a][i] * sums[b][i];
        }
        dot[a][b] = d;
        dot[b][a] = d;
      }
    }
    int[] label = labels.clone();
    int[] parent = new int[k];
    boolean[] alive = new boolean[k];
    for (int c = 0; c < k; c++) {
      parent[c] = c;
      alive[c] = sizes[c] > 0;
    }
    while (true) {
      double best = Double.NEGATIVE_INFINITY;
      int into = -1;
      int from = -1;
      for (int a = 0; a < k; a++) {
        for (int b = a + 1; alive[a] && b < k; b++) {
          double margin = alive[b] ? dot[a][b] / ((double) sizes[a] * sizes[b])
              - threshold * (1 + stickiness * labelSign(label[a], label[b])) : Double.NEGATIVE_INFINITY;
          if (margin > best) {
            best = margin;
            into = a;
            from = b;
          }
        }
      }
      if (into < 0 || best < 0) {
        break;
      }
      // The merged cluster carries the label of its larger part (an unlabelled part carries none).
      if (label[into] == 0 || label[from] != 0 && sizes[from] > sizes[into]) {
        label[into] = label[from];
      }
      for (int c = 0; c < k; c++) {
        dot[into][c] += dot[from][c];
        dot[c][into] = dot[into][c];
      }
      sizes[into] += sizes[from];
      alive[from] = false;
      parent[from] = into;
    }
    return numbered(parent);
  }

  /** −1 for two parts with the same label (merge more easily), +1 for different labels, 0 otherwise. */
  private static int labelSign(int a, int b) {
    if (a == 0 || b == 0) {
      return 0;
    }
    return a == b ? -1 : 1;
  }

  private static int[] numbered(int[] parent) {
    int k = parent.length;
    int[] merged = new int[k];
    int[] number = new int[k];
    java.util.Arrays.fill(number, -1);
    int next = 0;
    for (int c = 0; c < k; c++) {
      int root = c;
      while (parent[root] != root) {
        root = parent[root];
      }
      if (number[root] < 0) {
        number[root] = next++;
      }
      merged[c] = number[root];
    }
    return merged;
  }
}
