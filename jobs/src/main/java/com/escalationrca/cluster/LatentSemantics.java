package com.escalationrca.cluster;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

/**
 * Latent semantic vectors of TF-IDF points (latent semantic analysis, Deerwester et al. 1990): the
 * points' projection on the leading right singular vectors of their term matrix, so narratives that
 * share no word but share the words' company ("cobrança indevida", "valor cobrado sem autorização")
 * come out alike. Long informal narratives of one problem rarely share their rarest words, which is
 * what TF-IDF cosine rewards; their latent vectors do not depend on it.
 * <p>The truncated SVD is randomized (Halko, Martinsson and Tropp, 2011): a Gaussian sketch of the
 * range, two power iterations, then the eigen-decomposition of a small (rank + 10)² matrix
 * (Commons Math). Cost O(non-zeros × rank) per pass; seeded, so a night's vectors repeat.
 */
final class LatentSemantics {

  private static final int OVERSAMPLING = 10;
  private static final int POWER_ITERATIONS = 2;

  /** Term → latent coordinates (terms × rank): the right singular vectors, leading first. */
  private final float[][] basis;
  private final int rank;

  private LatentSemantics(float[][] basis, int rank) {
    this.basis = basis;
    this.rank = rank;
  }

  /**
   * Fits {@code rank} latent dimensions on {@code points} (unit TF-IDF vectors over {@code dimensions}
   * terms); fewer when the points span fewer.
   */
  static LatentSemantics fit(SparseVector[] points, int dimensions, int rank, long seed) {
    int width = Math.min(Math.min(points.length, dimensions), rank + OVERSAMPLING);
    SplittableRandom random = new SplittableRandom(seed);
    double[][] sketch = new double[dimensions][width];
    for (double[] row : sketch) {
      for (int c = 0; c < width; c++) {
        row[c] = gaussian(random);
      }
    }
    double[][] range = orthonormal(times(points, sketch, width));
    double[][] transposed = orthonormal(transposeTimes(points, range, dimensions, width));
    for (int i = 1; i < POWER_ITERATIONS; i++) {
      range = orthonormal(times(points, transposed, width));
      transposed = orthonormal(transposeTimes(points, range, dimensions, width));
    }
    range = orthonormal(times(points, transposed, width));
    // Bᵀ = Aᵀ Q (terms × width); B Bᵀ = U Σ² Uᵀ, and the right singular vectors are Bᵀ U Σ⁻¹.
    double[][] bt = transposeTimes(points, range, dimensions, width);
    double[][] gram = new double[width][width];
    for (double[] row : bt) {
      for (int a = 0; a < width; a++) {
        if (row[a] != 0) {
          for (int b = 0; b < width; b++) {
            gram[a][b] += row[a] * row[b];
          }
        }
      }
    }
    EigenDecomposition eigen = new EigenDecomposition(new Array2DRowRealMatrix(gram, false));
    double[] values = eigen.getRealEigenvalues();
    Integer[] order = new Integer[width];
    for (int i = 0; i < width; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (x, y) -> Double.compare(values[y], values[x]));
    int kept = 0;
    while (kept < Math.min(rank, width) && values[order[kept]] > 1e-9 * Math.max(values[order[0]], 1e-300)) {
      kept++;
    }
    double[][] u = new double[kept][];
    double[] sigma = new double[kept];
    for (int k = 0; k < kept; k++) {
      u[k] = eigen.getEigenvector(order[k]).toArray();
      sigma[k] = Math.sqrt(values[order[k]]);
    }
    float[][] basis = new float[dimensions][kept];
    for (int t = 0; t < dimensions; t++) {
      for (int k = 0; k < kept; k++) {
        double s = 0;
        for (int c = 0; c < width; c++) {
          s += bt[t][c] * u[k][c];
        }
        basis[t][k] = (float) (s / sigma[k]);
      }
    }
    return new LatentSemantics(basis, kept);
  }

  int rank() {
    return rank;
  }

  /** A point's latent vector, unit length (empty for a point with no latent coordinates). */
  float[] project(SparseVector point) {
    double[] z = new double[rank];
    int[] indices = point.indices();
    float[] weights = point.values();
    for (int i = 0; i < indices.length; i++) {
      float[] row = basis[indices[i]];
      for (int k = 0; k < rank; k++) {
        z[k] += weights[i] * row[k];
      }
    }
    double norm = 0;
    for (double x : z) {
      norm += x * x;
    }
    norm = Math.sqrt(norm);
    float[] unit = new float[rank];
    for (int k = 0; norm > 0 && k < rank; k++) {
      unit[k] = (float) (z[k] / norm);
    }
    return unit;
  }

  /** A · M for the points as rows of A (points × width). */
  private static double[][] times(SparseVector[] points, double[][] m, int width) {
    double[][] out = new double[points.length][width];
    for (int p = 0; p < points.length; p++) {
      int[] indices = points[p].indices();
      float[] values = points[p].values();
      double[] row = out[p];
      for (int i = 0; i < indices.length; i++) {
        double[] mRow = m[indices[i]];
        double w = values[i];
        for (int c = 0; c < width; c++) {
          row[c] += w * mRow[c];
        }
      }
    }
    return out;
  }

  /** Aᵀ · M (terms × width). */
  private static double[][] transposeTimes(SparseVector[] points, double[][] m, int dimensions, int width) {
    double[][] out = new double[dimensions][width];
    for (int p = 0; p < points.length; p++) {
      int[] indices = points[p].indices();
      float[] values = points[p].values();
      double[] mRow = m[p];
      for (int i = 0; i < indices.length; i++) {
        double[] row = out[indices[i]];
        double w = values[i];
        for (int c = 0; c < width; c++) {
          row[c] += w * mRow[c];
        }
      }
    }
    return out;
  }

  /** Orthonormal columns spanning {@code m}'s (modified Gram–Schmidt; a vanishing column stays zero). */
  private static double[][] orthonormal(double[][] m) {
    int rows = m.length;
    int width = rows == 0 ? 0 : m[0].length;
    // Column by column in contiguous arrays: the rows are many, the columns about a hundred.
    double[][] columns = new double[width][rows];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < width; c++) {
        columns[c][r] = m[r][c];
      }
    }
    for (int c = 0; c < width; c++) {
      double[] column = columns[c];
      for (int prev = 0; prev < c; prev++) {
        double[] before = columns[prev];
        double dot = 0;
        for (int r = 0; r < rows; r++) {
          dot += column[r] * before[r];
        }
        for (int r = 0; r < rows; r++) {
          column[r] -= dot * before[r];
        }
      }
      double norm = 0;
      for (double x : column) {
        norm += x * x;
      }
      norm = Math.sqrt(norm);
      for (int r = 0; r < rows; r++) {
        column[r] = norm > 1e-12 ? column[r] / norm : 0;
      }
    }
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < width; c++) {
        m[r][c] = columns[c][r];
      }
    }
    return m;
  }

  private static double gaussian(SplittableRandom random) {
    // Box–Muller: SplittableRandom has no nextGaussian on Java 17.
    double u = 1 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
