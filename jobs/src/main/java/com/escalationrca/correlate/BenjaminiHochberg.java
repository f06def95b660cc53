package com.escalationrca.correlate;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Benjamini–Hochberg (1995) adjusted p-values (q-values). BH, not Bonferroni: a run makes hundreds
 * of tests and a 5 % false discovery rate is the trade-off program managers accept.
 */
public final class BenjaminiHochberg {

  private BenjaminiHochberg() {
  }

  /** q_(i) = min over j ≥ i of p_(j) · m / j, capped at 1, returned in the input order. */
  public static double[] adjust(double[] pValues) {
    int m = pValues.length;
    Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble(i -> pValues[i]));
    double[] q = new double[m];
    double running = 1.0;
    for (int rank = m; rank >= 1; rank--) {
      int i = order[rank - 1];
      running = Math.min(running, pValues[i] * m / rank);
      q[i] = Math.min(1.0, running);
    }
    return q;
  }
}
