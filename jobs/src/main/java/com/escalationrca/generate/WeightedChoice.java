package com.escalationrca.generate;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Draws one of several values with given weights (cumulative table + binary search). */
final class WeightedChoice<T> {

  private final List<T> values;
  private final double[] cumulative;

  WeightedChoice(List<T> values, List<Double> weights) {
    if (values.isEmpty() || values.size() != weights.size()) {
      throw new IllegalArgumentException("need one weight per value: " + values + " / " + weights);
    }
    this.values = List.copyOf(values);
    this.cumulative = new double[weights.size()];
    double sum = 0;
    for (int i = 0; i < weights.size(); i++) {
      sum += weights.get(i);
      cumulative[i] = sum;
    }
    for (int i = 0; i < cumulative.length; i++) {
      cumulative[i] /= sum;
    }
  }

  static <T> WeightedChoice<T> of(Map<T, Double> weights) {
    return new WeightedChoice<>(List.copyOf(weights.keySet()), List.copyOf(weights.values()));
  }

  T next(SplittableRandom random) {
    int i = Arrays.binarySearch(cumulative, random.nextDouble());
    return values.get(Math.min(i < 0 ? -i - 1 : i, values.size() - 1));
  }
}
