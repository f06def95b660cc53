package com.escalationrca.cluster;

/**
 * Merges k-means clusters that are one problem written several ways. The simplified silhouette
 * favours many small, tight clusters, so a theme phrased three ways comes out as three clusters.
 * Merging is agglomerative on the clusters' centres: the two clusters whose centres (the unit mean
 * of their members) are most similar merge while that cosine is at least the threshold, and the
 * merged centre is the unit mean of all their members. Each merge costs O(k × dimensions), so at
 * most O(k² × dimensions) in all: negligible beside k-means itself.
 */
final class CentroidMerger {

  private final double threshold;

  CentroidMerger(double threshold) {
    this.threshold = threshold;
  }

  /** The centres after merging (unit vectors), to refine k-means from. */
  float[][] merge(SparseVector[] points, SphericalKMeans.Result result) {
    int k = result.k();
    int dimensions = result.centroids()[0].length;
    double[][] sums = new double[k][dimensions];
    for (int p = 0; p < points.length; p++) {
      points[p].addTo(sums[result.assignment()[p]], 1.0);
    }
    float[][] centres = new float[k][];
    boolean[] alive = new boolean[k];
    for (int c = 0; c < k; c++) {
      centres[c] = SphericalKMeans.unit(sums[c]);
      alive[c] = norm(centres[c]) > 0;
    }
    double[][] similarity = new double[k][k];
    for (int a = 0; a < k; a++) {
      for (int b = a + 1; b < k; b++) {
        similarity[a][b] = alive[a] && alive[b] ? dot(centres[a], centres[b]) : Double.NEGATIVE_INFINITY;
      }
    }
    while (true) {
      int bestA = -1;
      int bestB = -1;
      double best = threshold;
      for (int a = 0; a < k; a++) {
        for (int b = a + 1; b < k; b++) {
          if (alive[a] && alive[b] && similarity[a][b] >= best) {
            best = similarity[a][b];
            bestA = a;
            bestB = b;
          }
        }
      }
      if (bestA < 0) {
        break;
      }
      for (int d = 0; d < dimensions; d++) {
        sums[bestA][d] += sums[bestB][d];
      }
      centres[bestA] = SphericalKMeans.unit(sums[bestA]);
      alive[bestB] = false;
      for (int c = 0; c < k; c++) {
        if (c != bestA && alive[c]) {
          double s = dot(centres[bestA], centres[c]);
          similarity[Math.min(c, bestA)][Math.max(c, bestA)] = s;
        }
      }
    }
    return java.util.stream.IntStream.range(0, k).filter(c -> alive[c]).mapToObj(c -> centres[c]).toArray(float[][]::new);
  }

  private static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  private static double norm(float[] a) {
    return Math.sqrt(dot(a, a));
  }
}
