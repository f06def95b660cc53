package com.escalationrca.correlate;

import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * Did a cell (cluster × value) rise in the recent period beyond what overall volume explains?
 * Conditional on the cell's total n = recent + baseline, under "no change" its recent count is
 * Binomial(n, p) with p = recent volume / total volume (the classical test comparing two Poisson
 * rates, Przyborowski &amp; Wilenski 1940). Using total escalation volume as the exposure absorbs
 * day-of-week seasonality and overall growth: a weekly pattern alone is not a spike.
 */
public record SpikeTest(long recent, double expectedRecent, double pValue) {

  public static SpikeTest of(long recentCount, long baselineCount, long recentVolume, long baselineVolume) {
    long n = recentCount + baselineCount;
    long volume = recentVolume + baselineVolume;
    if (n == 0 || volume == 0 || recentVolume == 0) {
      return new SpikeTest(recentCount, 0, 1.0);
    }
    double p = (double) recentVolume / volume;
    double expected = n * p;
    if (p >= 1.0) {
      return new SpikeTest(recentCount, expected, 1.0);
    }
    // One-sided: P(X >= recent) = 1 - P(X <= recent - 1).
    double pValue = recentCount == 0 ? 1.0
        : 1.0 - new BinomialDistribution(null, (int) n, p).cumulativeProbability((int) recentCount - 1);
    return new SpikeTest(recentCount, expected, Math.max(0, pValue));
  }

  public double ratio() {
    return expectedRecent == 0 ? 0 : recent / expectedRecent;
  }
}
