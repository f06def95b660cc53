package com.escalationrca.correlate;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/**
 * Lift = observed / expected, with the exact Poisson (Garwood, 1936) confidence interval of the
 * observed count divided by the expected count: a count of 12 against 3 expected is "4×, between
 * 2.1× and 7×", which a reader can weigh.
 */
public record LiftInterval(double lift, double low, double high) {

  public static LiftInterval of(long observed, double expected, double confidence) {
    if (expected <= 0) {
      throw new IllegalArgumentException("expected count must be positive, was " + expected);
    }
    double tail = (1 - confidence) / 2;
    double low = observed == 0 ? 0
        : new ChiSquaredDistribution(2.0 * observed).inverseCumulativeProbability(tail) / 2;
    double high = new ChiSquaredDistribution(2.0 * observed + 2).inverseCumulativeProbability(1 - tail) / 2;
    return new LiftInterval(observed / expected, low / expected, high / expected);
  }
}
