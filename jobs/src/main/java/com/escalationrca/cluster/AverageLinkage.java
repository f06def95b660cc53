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
          double linkage = alive[b] ? dot[a][b] / ((double) sizes[a] * sizes[b]) : Double.NEGATIVE_INFINITY;
          if (linkage > best) {
            best = linkage;
            into = a;
            from = b;
          }
        }
      }
      if (into < 0 || best < threshold) {
        break;
      }
      for (int c = 0; c < k; c++) {
        dot[into][c] += dot[from][c];
        dot[c][into] = dot[into][c];
      }
      sizes[into] += sizes[from];
      alive[from] = false;
      parent[from] = into;
    }
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
