package com.escalationrca.correlate;

import java.util.Arrays;

/**
 * Which tests enter a Benjamini–Hochberg family. A discrete test has a smallest p-value its margins
 * allow (every escalation with the value inside the population); a test that could never reach
 * significance cannot be a finding and only dilutes the correction for the others. Tarone (1990)
 * keeps the tests whose minimum attainable p-value is at most alpha / K, for the smallest K such
 * that at most K tests remain; Gilbert (2005) then controls the false discovery rate by running
 * Benjamini–Hochberg over those. Margins alone decide, never the cells' own counts, so the
 * guarantee holds.
 */
final class TestSelection {

  private TestSelection() {
  }

  /** Per test, whether it enters the family. */
  static boolean[] select(double[] minimumPValues, double alpha) {
    int m = minimumPValues.length;
    boolean[] kept = new boolean[m];
    if (m == 0) {
      return kept;
    }
    double[] sorted = minimumPValues.clone();
    Arrays.sort(sorted);
    // M(K) = #{minimum p <= alpha / K} falls as K grows: the smallest K with M(K) <= K by bisection.
    int low = 1;
    int high = m;
    while (low < high) {
      int k = (low + high) >>> 1;
      if (atMost(sorted, alpha / k) <= k) {
        high = k;
      } else {
        low = k + 1;
      }
    }
    double threshold = alpha / low;
    for (int i = 0; i < m; i++) {
      kept[i] = minimumPValues[i] <= threshold;
    }
    return kept;
  }

  /** How many sorted values are at most {@code bound}. */
  private static int atMost(double[] sorted, double bound) {
    int i = Arrays.binarySearch(sorted, bound);
    if (i < 0) {
      return -i - 1;
    }
    while (i + 1 < sorted.length && sorted[i + 1] == bound) {
      i++;
    }
    return i + 1;
  }
}
