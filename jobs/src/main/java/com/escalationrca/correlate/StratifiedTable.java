package com.escalationrca.correlate;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/**
 * A 2×2 table (in cluster / not × has value / not) per stratum, and the Cochran–Mantel–Haenszel
 * test of association across strata (Mantel &amp; Haenszel, 1959, with continuity correction).
 * With one stratum it is the Pearson chi-square test scaled by (n − 1) / n.
 */
public final class StratifiedTable {

  private static final ChiSquaredDistribution ONE_DF = new ChiSquaredDistribution(1);

  private long observed;
  private double expected;
  private double variance;

  /**
   * Adds one stratum.
   *
   * @param inBoth in the cluster and with the value
   * @param clusterSize in the cluster
   * @param valueCount with the value
   * @param total the stratum's size
   */
  public StratifiedTable add(long inBoth, long clusterSize, long valueCount, long total) {
    if (inBoth < 0 || inBoth > clusterSize || inBoth > valueCount || clusterSize > total || valueCount > total) {
      throw new IllegalArgumentException("impossible 2x2 margins: " + inBoth + ", " + clusterSize
          + ", " + valueCount + ", " + total);
    }
    if (total < 2) {
      return this; // a stratum of one carries no information about association
    }
    double n = total;
    observed += inBoth;
    expected += clusterSize * (double) valueCount / n;
    variance += clusterSize * (n - clusterSize) * valueCount * (n - valueCount) / (n * n * (n - 1));
    return this;
  }

  public long observed() {
    return observed;
  }

  public double expected() {
    return expected;
  }

  /** The CMH chi-square statistic with Yates-style continuity correction. */
  public double statistic() {
    if (variance <= 0) {
      return 0;
    }
    double deviation = Math.max(0, Math.abs(observed - expected) - 0.5);
    return deviation * deviation / variance;
  }

  /** Two-sided p-value of the CMH statistic on one degree of freedom. */
  public double pValue() {
    double statistic = statistic();
    return statistic <= 0 ? 1.0 : 1.0 - ONE_DF.cumulativeProbability(statistic);
  }
}
