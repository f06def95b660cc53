package com.escalationrca.cluster;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Spherical k-means (Dhillon &amp; Modha, 2001): unit vectors, cosine similarity, centroids
 * re-normalised after each update, seeded with k-means++ (Arthur &amp; Vassilvitskii, 2007) on
 * cosine distance. Each iteration costs O(nnz × k); assignment runs in parallel.
 */
public final class SphericalKMeans {

  /** The outcome: unit centroids and, per vector, its cluster and its similarity to that centre. */
  public record Result(float[][] centroids, int[] assignment, double[] similarity) {

    int k() {
      return centroids.length;
    }
  }

  private final int iterations;
  private final long seed;

  public SphericalKMeans(int iterations, long seed) {
    this.iterations = iterations;
    this.seed = seed;
  }

  public Result fit(SparseVector[] vectors, int dimensions, int k) {
    return iterate(vectors, plusPlus(vectors, dimensions, k), iterations);
  }

  /** Runs from given centroids (e.g. those found on a sample). */
  Result refine(SparseVector[] vectors, float[][] centroids) {
    return iterate(vectors, centroids, iterations);
  }

  /** As {@link #refine(SparseVector[], float[][])}, with at most {@code maxIterations} passes. */
  Result refine(SparseVector[] vectors, float[][] centroids, int maxIterations) {
    return iterate(vectors, centroids, Math.min(iterations, maxIterations));
  }

  private Result iterate(SparseVector[] vectors, float[][] start, int maxIterations) {
    float[][] centroids = start;
    int[] assignment = new int[vectors.length];
    Arrays.fill(assignment, -1);
    double[] similarity = new double[vectors.length];
    for (int iteration = 0; iteration < maxIterations; iteration++) {
      boolean changed = assign(vectors, centroids, assignment, similarity);
      centroids = update(vectors, centroids, assignment);
      if (!changed) {
        break;
      }
    }
    assign(vectors, centroids, assignment, similarity);
    return new Result(centroids, assignment, similarity);
  }

  private static boolean assign(SparseVector[] vectors, float[][] centroids, int[] assignment,
                                double[] similarity) {
    return IntStream.range(0, vectors.length).parallel().map(i -> {
      int best = 0;
      double bestSimilarity = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < centroids.length; c++) {
        double s = vectors[i].dot(centroids[c]);
        if (s > bestSimilarity) {
          bestSimilarity = s;
          best = c;
        }
      }
      similarity[i] = bestSimilarity;
      int previous = assignment[i];
      assignment[i] = best;
      return previous == best ? 0 : 1;
    }).sum() > 0;
  }

  private static float[][] update(SparseVector[] vectors, float[][] previous, int[] assignment) {
    int dimensions = previous[0].length;
    double[][] sums = new double[previous.length][dimensions];
    int[] sizes = new int[previous.length];
    for (int i = 0; i < vectors.length; i++) {
      vectors[i].addTo(sums[assignment[i]], 1.0);
      sizes[assignment[i]]++;
    }
    float[][] centroids = new float[previous.length][];
    for (int c = 0; c < previous.length; c++) {
      // An emptied cluster keeps its old centre rather than collapsing to zero.
      centroids[c] = sizes[c] == 0 ? previous[c] : unit(sums[c]);
    }
    return centroids;
  }

  private float[][] plusPlus(SparseVector[] vectors, int dimensions, int k) {
    SplittableRandom random = new SplittableRandom(seed);
    float[][] centroids = new float[k][];
    double[] distance = new double[vectors.length];
    Arrays.fill(distance, Double.MAX_VALUE);
    int first = random.nextInt(vectors.length);
    centroids[0] = dense(vectors[first], dimensions);
    for (int c = 1; c < k; c++) {
      float[] latest = centroids[c - 1];
      double total = 0;
      for (int i = 0; i < vectors.length; i++) {
        distance[i] = Math.min(distance[i], Math.max(0, 1 - vectors[i].dot(latest)));
        total += distance[i] * distance[i];
      }
      int chosen = random.nextInt(vectors.length);
      if (total > 0) {
        double target = random.nextDouble() * total;
        for (int i = 0; i < vectors.length; i++) {
          target -= distance[i] * distance[i];
          if (target <= 0) {
            chosen = i;
            break;
          }
        }
      }
      centroids[c] = dense(vectors[chosen], dimensions);
    }
    return centroids;
  }

  private static float[] dense(SparseVector vector, int dimensions) {
    double[] d = new double[dimensions];
    vector.addTo(d, 1.0);
    return unit(d);
  }

  static float[] unit(double[] v) {
    double norm = 0;
    for (double x : v) {
      norm += x * x;
    }
    norm = Math.sqrt(norm);
    float[] u = new float[v.length];
    if (norm > 0) {
      for (int i = 0; i < v.length; i++) {
        u[i] = (float) (v[i] / norm);
      }
    }
    return u;
  }
}
