package com.escalationrca.correlate;

/**
 * When did an excess start? A one-sided CUSUM (Page, 1954) over daily excess counts: S_t =
 * max(0, S_{t−1} + observed_t − expected_t); the onset is the day after S last stood at zero
 * before its final run, i.e. the start of the stretch that built the final excess.
 */
public final class Onset {

  private Onset() {
  }

  /** Index of the first day of the final excess run, or -1 if the series ends with no excess. */
  public static int of(double[] observed, double[] expected) {
    double s = 0;
    int start = -1;
    for (int t = 0; t < observed.length; t++) {
      double next = Math.max(0, s + observed[t] - expected[t]);
      if (s == 0 && next > 0) {
        start = t;
      } else if (next == 0) {
        start = -1;
      }
      s = next;
    }
    return s > 0 ? start : -1;
  }
}
