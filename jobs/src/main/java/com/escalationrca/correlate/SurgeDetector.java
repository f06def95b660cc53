package com.escalationrca.correlate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.escalationrca.cluster.Cluster;
import com.escalationrca.ingest.Taxonomy;

/**
 * Surges: a whole cluster, or one dimension value across all clusters, rising in the last
 * {@code recentDays} days beyond its usual share of total volume. The test is {@link SpikeTest}
 * (total volume is the exposure, so weekday seasonality and overall growth cancel), with its own
 * Benjamini–Hochberg family; the onset is dated by CUSUM. A surge that concentration findings
 * already explain (at least {@link #EXPLAINED} of its recent excess: the cluster's best finding,
 * or for a value the best finding holding it in each cluster, added up) is left out: those findings
 * say it better, with the vendor and market.
 */
final class SurgeDetector {

  /** Cluster id of a value's surge over all clusters. */
  static final String ALL_CLUSTERS = "all";
  static final String KIND = "surge";
  static final double EXPLAINED = 0.75;

  private final CorrelateProperties properties;
  private final Taxonomy taxonomy;

  SurgeDetector(CorrelateProperties properties, Taxonomy taxonomy) {
    this.properties = properties;
    this.taxonomy = taxonomy;
  }

  /** One tested population: a cluster (no part) or a value over all clusters (one part). */
  private record Population(String cluster, Correlator.Part part, List<Observation> members) {

    boolean matches(Observation o) {
      return part == null || part.matches(o);
    }
  }

  List<Finding> detect(List<Observation> window, Map<String, List<Observation>> byCluster, TimeSeries series,
                       Map<String, String> clusterLabels, List<Finding> concentrations) {
    List<Population> populations = new ArrayList<>();
    byCluster.keySet().stream().filter(c -> !c.equals(Cluster.UNCLUSTERED)).sorted()
        .forEach(c -> populations.add(new Population(c, null, byCluster.get(c))));
    for (Taxonomy.Dimension dimension : taxonomy.dimensions()) {
      if (!dimension.isProfile()) {
        window.stream().map(o -> o.dimensions().get(dimension.name())).filter(v -> v != null).distinct().sorted()
            .forEach(v -> populations.add(new Population(ALL_CLUSTERS, new Correlator.Part(dimension, v), window)));
      }
    }
    List<TimeSeries.Cell> cells = populations.stream()
        .map(p -> series.cell(p.members(), p::matches, properties.recentDays())).toList();
    double[] q = BenjaminiHochberg.adjust(cells.stream().mapToDouble(c -> c.spike().pValue()).toArray());
    double[] trendQ = BenjaminiHochberg.adjust(cells.stream().mapToDouble(c -> c.trend().pValue()).toArray());
    List<Finding> surges = new ArrayList<>();
    for (int i = 0; i < populations.size(); i++) {
      Population p = populations.get(i);
      SpikeTest spike = cells.get(i).spike();
      if (q[i] >= properties.alpha() || spike.recent() < properties.minSupport() || spike.expectedRecent() <= 0) {
        continue;
      }
      LiftInterval ratio = LiftInterval.of(spike.recent(), spike.expectedRecent(), 0.95);
      if (ratio.low() <= 1 || explained(p, spike, concentrations)) {
        continue;
      }
      LocalDate since = series.onset(cells.get(i).daily(), properties.recentDays());
      String label = p.cluster().equals(ALL_CLUSTERS) ? "all escalations" : clusterLabels.getOrDefault(p.cluster(), p.cluster());
      double excess = spike.recent() - spike.expectedRecent();
      TrendTest trend = cells.get(i).trend();
      surges.add(new Finding(0, KIND, p.cluster(), label, p.part() == null ? "" : p.part().dimension().name(),
          p.part() == null ? "" : p.part().value(), spike.recent(), spike.expectedRecent(), ratio.lift(),
          ratio.low(), ratio.high(), spike.pValue(), q[i], spike.recent(), spike.expectedRecent(), q[i], since,
          trend.weeklyChange(), trendQ[i],
          // Like a concentration's score, with the whole excess recent.
          Math.log(ratio.lift()) / Math.log(2) * Math.sqrt(excess) * 2,
          summary(p, label, ratio.lift(), spike, q[i], since), examples(p, since)));
    }
    return surges;
  }

  /**
   * Do concentration findings already hold most of the surge's recent excess? For a cluster, its
   * best finding; for a value over all clusters, the best finding holding the value in each cluster,
   * added up (clusters share no escalations, so their excesses add).
   */
  private static boolean explained(Population p, SpikeTest surge, List<Finding> concentrations) {
    double excess = surge.recent() - surge.expectedRecent();
    Map<String, Double> bestByCluster = new java.util.HashMap<>();
    concentrations.stream()
        .filter(f -> p.part() == null ? f.clusterId().equals(p.cluster()) : holds(f, p.part()))
        .forEach(f -> bestByCluster.merge(f.clusterId(), f.recentObserved() - f.recentExpected(), Math::max));
    return bestByCluster.values().stream().mapToDouble(Double::doubleValue).sum() >= EXPLAINED * excess;
  }

  private static boolean holds(Finding f, Correlator.Part part) {
    return part.value().equals(Finding.values(f.dimension(), f.value()).get(part.dimension().name()));
  }

  private String summary(Population p, String label, double ratio, SpikeTest spike, double q, LocalDate since) {
    String what = p.part() == null
        ? "'" + label + "' escalations"
        : "escalations " + p.part().dimension().phrase() + " " + p.part().value();
    return String.format(Locale.ROOT, "Since %s, %s are %.1f× their usual share of volume (%d vs %.0f in the last %d days, q %s)",
        since.format(java.time.format.DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH)), what, ratio,
        spike.recent(), spike.expectedRecent(), properties.recentDays(), Correlator.formatQ(q));
  }

  /** The most typical members since the onset. */
  private List<String> examples(Population p, LocalDate since) {
    return p.members().stream().filter(p::matches).filter(o -> !o.day().isBefore(since))
        .sorted(Comparator.comparingDouble(Observation::similarity).reversed().thenComparing(Observation::externalId))
        .limit(properties.examplesPerFinding()).map(Observation::externalId).toList();
  }
}
