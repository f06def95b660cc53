package com.escalationrca.correlate;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * Drops, the other tail of a surge: for every value of the drop dimensions, are its escalations in
 * the last {@code recentDays} days fewer than its usual share of volume predicts? Conditional on its
 * window count n, its recent count is Binomial(n, recent share of volume) under "no change"; the
 * lower tail is the p-value, Benjamini–Hochberg over all values tested (a family of its own). A drop
 * is reported when q &lt; alpha, the ratio's 95 % interval lies below 1, and its own daily rate fell
 * too (by the same exact test against days rather than volume): when one problem doubles the total,
 * every other value's share falls, and those relative dips are not drops. A value is tested only when
 * at least {@code minSupport} recent escalations were expected of it.
 */
final class DropDetector {

  static final int MAX_DROPS = 20;

  private final CorrelateProperties properties;
  private final DropProperties drops;

  DropDetector(CorrelateProperties properties, DropProperties drops) {
    this.properties = properties;
    this.drops = drops;
  }

  private record Count(String dimension, String value, long total, long recent) {
  }

  List<Drop> detect(List<Observation> window, LocalDate windowStart, LocalDate windowEnd) {
    if (!drops.enabled() || window.isEmpty()) {
      return List.of();
    }
    long days = ChronoUnit.DAYS.between(windowStart, windowEnd) + 1;
    int recentDays = (int) Math.min(properties.recentDays(), days - 1);
    if (recentDays < 1) {
      return List.of();
    }
    LocalDate firstRecent = windowEnd.minusDays(recentDays - 1L);
    long recentVolume = window.stream().filter(o -> !o.day().isBefore(firstRecent)).count();
    double share = (double) recentVolume / window.size();
    double dayShare = (double) recentDays / days;
    Map<String, Count> counts = new LinkedHashMap<>();
    for (Observation o : window) {
      boolean recent = !o.day().isBefore(firstRecent);
      for (String dimension : drops.dimensions()) {
        String value = o.dimensions().get(dimension);
        if (value != null && !value.isBlank()) {
          counts.merge(dimension + "\u0001" + value, new Count(dimension, value, 1, recent ? 1 : 0),
              (a, b) -> new Count(a.dimension(), a.value(), a.total() + 1, a.recent() + b.recent()));
        }
      }
    }
    List<Count> tested = counts.values().stream().filter(c -> c.total() * share >= properties.minSupport()).toList();
    double[] p = tested.stream().mapToDouble(c -> lowerTail(c.recent(), c.total(), share)).toArray();
    double[] q = BenjaminiHochberg.adjust(p);
    List<Drop> found = new ArrayList<>();
    for (int i = 0; i < tested.size(); i++) {
      Count c = tested.get(i);
      double expected = c.total() * share;
      LiftInterval ratio = LiftInterval.of(c.recent(), expected, 0.95);
      // Its own rate fell: fewer recent escalations than its days before predict, beyond chance.
      boolean fellItself = lowerTail(c.recent(), c.total(), dayShare) < properties.alpha();
      if (q[i] < properties.alpha() && ratio.high() < 1 && fellItself) {
        double before = (double) (c.total() - c.recent()) / (days - recentDays);
        double now = (double) c.recent() / recentDays;
        found.add(new Drop(0, c.dimension(), c.value(), c.recent(), expected, ratio.lift(), ratio.low(), ratio.high(),
            p[i], q[i], before, now, summary(c, expected, ratio, q[i], before, now, recentDays)));
      }
    }
    found.sort(Comparator.comparingDouble((Drop d) -> -(d.expected() - d.recent())).thenComparing(Drop::dimension)
        .thenComparing(Drop::value));
    List<Drop> ranked = new ArrayList<>();
    for (Drop d : found.subList(0, Math.min(found.size(), MAX_DROPS))) {
      ranked.add(new Drop(ranked.size() + 1, d.dimension(), d.value(), d.recent(), d.expected(), d.ratio(), d.ratioLow(),
          d.ratioHigh(), d.pValue(), d.qValue(), d.perDayBefore(), d.perDayRecent(), d.summary()));
    }
    return ranked;
  }

  /** P(X ≤ recent) for X ~ Binomial(total, share). */
  private static double lowerTail(long recent, long total, double share) {
    if (share >= 1) {
      return recent >= total ? 1 : 0;
    }
    return new BinomialDistribution(null, (int) total, share).cumulativeProbability((int) recent);
  }

  /** "Vendor Northwind BPO: 12 escalations in the last 7 days against 95 expected (0.13×, …)". */
  private static String summary(Count c, double expected, LiftInterval ratio, double q, double before, double now,
                                int recentDays) {
    String value = FindingText.published(c.value());
    return String.format(Locale.ROOT, "%s %s: %,d escalations in the last %d days against %,.0f expected (%.2f×,"
            + " 95 %% CI %.2f–%.2f, q %s); %.1f a day before, %.1f since",
        Character.toUpperCase(c.dimension().charAt(0)) + c.dimension().substring(1), value, c.recent(), recentDays,
        expected, ratio.lift(), ratio.low(), ratio.high(), FindingText.formatQ(q), before, now);
  }
}
