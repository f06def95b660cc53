package com.escalationrca.correlate;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * Is a cell's share of the daily volume rising over the window?
 * <ul>
 *   <li>The p-value is the Cochran–Armitage test for trend (Cochran, 1954; Armitage, 1955), one-sided:
 *   conditional on the cell's total n, under "no change" each of its escalations falls on day t with
 *   probability volume_t / total volume, and the statistic Σ t·count_t is compared with its mean and
 *   variance under that multinomial. Counts, not daily shares, so sparse cells are tested as
 *   honestly as busy ones, and total volume as the exposure keeps weekly seasonality out.</li>
 *   <li>The effect size is the least-squares slope of the daily share, per week, relative to the mean
 *   share (0.3 = +30 % a week).</li>
 * </ul>
 */
public record TrendTest(double weeklyChange, double pValue) {

  private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

  public static TrendTest of(long[] cell, long[] volume) {
    return new TrendTest(weeklyChange(cell, volume), cochranArmitage(cell, volume));
  }

  /** One-sided p-value of the Cochran–Armitage score, with a half-step continuity correction. */
  static double cochranArmitage(long[] cell, long[] volume) {
    long n = 0;
    long total = 0;
    double score = 0;
    for (int t = 0; t < cell.length; t++) {
      n += cell[t];
      total += volume[t];
      score += (double) t * cell[t];
    }
    if (n == 0 || total == 0) {
      return 1.0;
    }
    double mean = 0;
    double meanSquare = 0;
    for (int t = 0; t < volume.length; t++) {
      double p = (double) volume[t] / total;
      mean += t * p;
      meanSquare += (double) t * t * p;
    }
    double variance = n * (meanSquare - mean * mean);
    if (variance <= 0) {
      return 1.0;
    }
    double z = (score - n * mean - 0.5) / Math.sqrt(variance);
    return 1.0 - STANDARD_NORMAL.cumulativeProbability(z);
  }

  private static double weeklyChange(long[] cell, long[] volume) {
    SimpleRegression regression = new SimpleRegression();
    double shares = 0;
    int days = 0;
    for (int t = 0; t < cell.length; t++) {
      if (volume[t] > 0) {
        double share = (double) cell[t] / volume[t];
        regression.addData(t, share);
        shares += share;
        days++;
      }
    }
    if (days < 3 || shares == 0 || Double.isNaN(regression.getSlope())) {
      return 0;
    }
    return regression.getSlope() * 7 / (shares / days);
  }
}
