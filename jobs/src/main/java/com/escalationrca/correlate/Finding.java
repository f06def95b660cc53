package com.escalationrca.correlate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A finding with its evidence. Its {@code kind} is {@value #CONCENTRATION} (a population, a cluster
 * or every escalation of a policy, over-represented for a value or combination of values, and
 * rising) or {@code surge} (a cluster, or values over all clusters, above their usual share of
 * volume in the last days; its observed and expected counts are then those of the recent days).
 * The evidence: observed and expected counts, lift with its 95 % interval, p-value,
 * Benjamini–Hochberg q-value, its recent period (observed and expected in the last days, the spike
 * test's q-value, and the onset date when the rise is significant), its trend, the change test's
 * q-value, the ranking score, a one-sentence summary, example escalation ids, and the cause
 * (findings describing the same escalations share one).
 */
public record Finding(int rank, String kind, String clusterId, String clusterLabel, String dimension, String value,
                      long observed, double expected, double lift, double liftLow, double liftHigh,
                      double pValue, double qValue, long recentObserved, double recentExpected,
                      double spikeQ, java.time.LocalDate since, double weeklyChange, double trendQ,
                      double changeQ, double score, String summary, List<String> exampleIds, int cause) {

  public static final String CONCENTRATION = "concentration";
  /** Joins the dimensions, and the values, of a combination: "vendor ∧ market", "Atlas ∧ BR". */
  public static final String AND = " ∧ ";

  /** A published finding's values by dimension, in order ("vendor ∧ market" = "A ∧ BR"); none for a whole cluster. */
  public static Map<String, String> values(String dimension, String value) {
    Map<String, String> values = new LinkedHashMap<>();
    if (dimension.isEmpty()) {
      return values;
    }
    String[] dimensions = dimension.split(AND);
    String[] parts = value.split(AND);
    for (int i = 0; i < dimensions.length; i++) {
      values.put(dimensions[i], parts[i]);
    }
    return values;
  }

  public Finding {
    if (observed < 0 || expected <= 0) {
      throw new IllegalArgumentException("finding needs observed >= 0 and expected > 0");
    }
    exampleIds = List.copyOf(exampleIds);
  }

  Finding ranked(int newRank) {
    return new Finding(newRank, kind, clusterId, clusterLabel, dimension, value, observed, expected, lift,
        liftLow, liftHigh, pValue, qValue, recentObserved, recentExpected, spikeQ, since, weeklyChange,
        trendQ, changeQ, score, summary, exampleIds, cause);
  }

  /** The same finding, its summary citing the event it began after ("…; began 1 day after 'X' (policy launch)"). */
  Finding citing(String citation) {
    return new Finding(rank, kind, clusterId, clusterLabel, dimension, value, observed, expected, lift,
        liftLow, liftHigh, pValue, qValue, recentObserved, recentExpected, spikeQ, since, weeklyChange,
        trendQ, changeQ, score, summary + "; " + citation, exampleIds, cause);
  }

  Finding inCause(int newCause) {
    return new Finding(rank, kind, clusterId, clusterLabel, dimension, value, observed, expected, lift,
        liftLow, liftHigh, pValue, qValue, recentObserved, recentExpected, spikeQ, since, weeklyChange,
        trendQ, changeQ, score, summary, exampleIds, newCause);
  }
}
