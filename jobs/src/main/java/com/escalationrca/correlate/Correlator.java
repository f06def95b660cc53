package com.escalationrca.correlate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.escalationrca.cluster.Cluster;
import com.escalationrca.ingest.Taxonomy;

/**
 * Finds what rose, and where. Every population (each cluster, and each value of a population
 * dimension such as policy) is tested for over-represented values and combinations of values
 * ({@link CellCounts}); a cell is over-represented when it holds more escalations than
 * independence within strata (language by default) predicts, by the stratified exact test or
 * Cochran–Mantel–Haenszel ({@link StratifiedTable}).
 * <ul>
 *   <li>Only cells whose margins could ever make them a finding are tested (at least
 *   {@code minSupport} escalations possible, minimum attainable p-value kept by
 *   {@link TestSelection}); one Benjamini–Hochberg family covers all of them, clusters and
 *   populations alike.</li>
 *   <li>A finding is a change: a significant concentration is reported only when it also rose, by
 *   the spike test of the last days or the trend over the window ({@link TimeSeries}). A standing
 *   association (a company whose complaints always close "with explanation") says what a
 *   population is, not why escalations rise.</li>
 *   <li>Surges of whole clusters, population values, single values and combinations over all
 *   escalations come from {@link SurgeDetector}; findings that describe the same escalations are
 *   grouped into causes by {@link CauseGrouper}.</li>
 * </ul>
 * Findings are ranked by score = log2(lift) × √(observed − expected) × (1 + recent share of the
 * excess): effect size times the square root of the excess, doubled at most when the whole excess
 * is recent.
 */
public final class Correlator {


  private final CorrelateProperties properties;
  private final Taxonomy taxonomy;

  public Correlator(CorrelateProperties properties, Taxonomy taxonomy) {
    requireDimensions("context-dimensions", properties.contextDimensions(), taxonomy);
    requireDimensions("combine-dimensions", properties.combineDimensions(), taxonomy);
    if (taxonomy.names().contains(WordRises.DIMENSION)) {
      throw new IllegalArgumentException("the taxonomy declares a dimension named '" + WordRises.DIMENSION
          + "', the name findings about the narratives' words are published under: rename it");
    }
    this.properties = properties;
    this.taxonomy = taxonomy;
  }

  private static void requireDimensions(String key, List<String> names, Taxonomy taxonomy) {
    for (String name : names) {
      if (!taxonomy.names().contains(name)) {
        throw new IllegalArgumentException("rca.correlate." + key + " names '" + name
            + "', which is not a dimension of the taxonomy " + taxonomy.names());
      }
    }
  }

  public Correlation correlate(List<Observation> observations, Map<String, String> clusterLabels,
                               LocalDate windowStart, LocalDate windowEnd) {
    Populations populations = new Populations(observations, taxonomy);
    List<Candidate> cells = new CellCounts(properties, taxonomy).candidates(observations, populations);
    boolean[] selected = TestSelection.select(cells.stream().mapToDouble(c -> c.table().minimumPValue()).toArray(),
        properties.alpha());
    List<Candidate> family = new ArrayList<>();
    for (int i = 0; i < cells.size(); i++) {
      if (selected[i]) {
        family.add(cells.get(i));
      }
    }
    // One Benjamini–Hochberg family for every test of the run: clusters and populations, values and combinations.
    double[] q = BenjaminiHochberg.adjust(family.stream().mapToDouble(c -> c.table().pValue()).toArray());
    List<ContextQualifier.Qualified> significant = new ArrayList<>();
    for (int i = 0; i < family.size(); i++) {
      if (q[i] < properties.alpha() && reportable(family.get(i))) {
        significant.add(new ContextQualifier.Qualified(family.get(i), q[i]));
      }
    }
    TimeSeries series = new TimeSeries(observations, windowStart, windowEnd);
    List<ContextQualifier.Qualified> merged = new FindingMerger(properties, taxonomy).merge(significant, populations, observations);
    List<ContextQualifier.Qualified> reported = new ContextQualifier(properties, taxonomy).qualify(merged, populations, observations);
    List<Finding> findings = new ArrayList<>(concentrations(reported, series, populations, clusterLabels));
    findings.addAll(new SurgeDetector(properties, taxonomy).detect(observations, populations, series, clusterLabels,
        List.copyOf(findings)));
    findings.sort(Comparator.comparingDouble(Finding::score).reversed()
        .thenComparing(Finding::clusterId).thenComparing(Finding::dimension).thenComparing(Finding::value));
    List<Finding> ranked = new ArrayList<>();
    for (int i = 0; i < Math.min(findings.size(), properties.maxFindings()); i++) {
      ranked.add(findings.get(i).ranked(i + 1));
    }
    CauseGrouper.Grouped grouped = new CauseGrouper(observations, windowEnd.minusDays(properties.recentDays() - 1L),
        clusterLabels, taxonomy.dimensions().stream().filter(Taxonomy.Dimension::isPopulation)
            .map(Taxonomy.Dimension::name).toList()).group(ranked);
    return new Correlation(grouped.findings(), profiles(observations), family.size(), grouped.causes());
  }

  /**
   * A significant cell is reported when it holds more than expected, at least {@code minSupport}
   * escalations, a lift whose interval excludes 1 (in a very large cluster a lift of 1.01 can be
   * "significant" and still tell a reader nothing), and, for a combination, a lift whose lower
   * bound beats every proper subset's lift in the same population (MacroBase's rule that a
   * combination must explain more than its parts; Bailis et al., 2017).
   */
  private boolean reportable(Candidate c) {
    double low = LiftInterval.of(c.table().observed(), c.table().expected(), 0.95).low();
    return c.table().observed() > c.table().expected()
        && c.table().observed() >= properties.minSupport()
        && low > 1
        && (c.parts().size() == 1 || low > c.subsetLift());
  }

  /**
   * Findings for the reported cells that rose. Each cell gets the spike test of its last days and the
   * trend test over the window; their smaller p-value, doubled (Bonferroni over the two), is the
   * change test, Benjamini–Hochberg-corrected over the reported cells. Spike and trend q-values
   * are corrected likewise and published beside it.
   *
   * <p>Every finding claims a rise, and two families make that claim: these concentrations and the
   * surges. Each family gets half of alpha ({@link #RISE_FAMILIES}), so the report as a whole keeps
   * its false discovery rate at alpha; with each at the full alpha, date-shuffled real complaints
   * (standing associations, nothing changed) showed a false rise in about one run in twenty.
   */
  private List<Finding> concentrations(List<ContextQualifier.Qualified> reported, TimeSeries series,
                                       Populations populations, Map<String, String> clusterLabels) {
    List<TimeSeries.Cell> cells = reported.stream().map(r -> series.cell(
        populations.members(r.candidate().population()), r.candidate()::matches, properties.recentDays())).toList();
    double[] spikeQ = BenjaminiHochberg.adjust(cells.stream().mapToDouble(t -> t.spike().pValue()).toArray());
    double[] trendQ = BenjaminiHochberg.adjust(cells.stream().mapToDouble(t -> t.trend().pValue()).toArray());
    double[] changeQ = BenjaminiHochberg.adjust(cells.stream()
        .mapToDouble(t -> Math.min(1.0, 2 * Math.min(t.spike().pValue(), t.trend().pValue()))).toArray());
    List<Finding> findings = new ArrayList<>();
    for (int f = 0; f < reported.size(); f++) {
      if (changeQ[f] >= properties.alpha() / RISE_FAMILIES) {
        continue;
      }
      Candidate c = reported.get(f).candidate();
      double findingQ = reported.get(f).qValue();
      long observed = c.table().observed();
      double expected = c.table().expected();
      LiftInterval lift = LiftInterval.of(observed, expected, 0.95);
      SpikeTest spike = cells.get(f).spike();
      TrendTest trend = cells.get(f).trend();
      LocalDate since = spikeQ[f] < properties.alpha() ? series.onset(cells.get(f).daily(), properties.recentDays()) : null;
      String label = label(c.population(), clusterLabels);
      findings.add(new Finding(0, Finding.CONCENTRATION, c.population().clusterId(), label, c.dimensionName(), c.value(),
          observed, expected, lift.lift(), lift.low(), lift.high(), c.table().pValue(), findingQ,
          spike.recent(), spike.expectedRecent(), spikeQ[f], since, trend.weeklyChange(), trendQ[f], changeQ[f],
          score(lift.lift(), observed, expected, spike),
          FindingText.summary(FindingText.subject(c.population(), label), c.published(), lift.lift(), observed, expected, findingQ, since, spike,
              trendQ[f] < properties.alpha() ? trend : null),
          examples(populations.members(c.population()), c, since), 0));
    }
    return findings;
  }

  static String label(Population population, Map<String, String> clusterLabels) {
    return population.isCluster() ? clusterLabels.getOrDefault(population.key(), population.key()) : ALL_ESCALATIONS;
  }

  /** The families of tests that claim a rise (rising concentrations, surges); alpha is split between them. */
  static final int RISE_FAMILIES = 2;

  /** The label of findings that belong to no one cluster. */
  static final String ALL_ESCALATIONS = "all escalations";

  private Map<String, ClusterProfile> profiles(List<Observation> observations) {
    Map<String, List<Observation>> byCluster = observations.stream()
        .filter(o -> !o.clusterId().equals(Cluster.UNCLUSTERED))
        .collect(Collectors.groupingBy(Observation::clusterId));
    Map<String, ClusterProfile> profiles = new HashMap<>();
    byCluster.forEach((cluster, members) -> {
      Map<String, ClusterProfile.ValueShare> dominant = new LinkedHashMap<>();
      for (Taxonomy.Dimension dimension : taxonomy.dimensions()) {
        if (!dimension.isProfile()) {
          continue;
        }
        members.stream().map(o -> o.dimensions().get(dimension.name())).filter(v -> v != null)
            .collect(Collectors.groupingBy(v -> v, Collectors.counting()))
            .entrySet().stream().max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
            .ifPresent(top -> dominant.put(dimension.name(),
                new ClusterProfile.ValueShare(top.getKey(), (double) top.getValue() / members.size())));
      }
      profiles.put(cluster, new ClusterProfile(cluster, dominant));
    });
    return profiles;
  }

  /** The cell's most typical members (closest to their cluster's centre), since its onset when it has one. */
  private List<String> examples(List<Observation> members, Candidate candidate, LocalDate since) {
    return members.stream()
        .filter(candidate::matches)
        .filter(o -> since == null || !o.day().isBefore(since))
        .sorted(Comparator.comparingDouble(Observation::similarity).reversed().thenComparing(Observation::externalId))
        .limit(properties.examplesPerFinding()).map(Observation::externalId).toList();
  }

  /**
   * Effect size × √excess × (1 + recent share of the excess): a concentration that is still
   * building this week outranks an equal one that happened weeks ago.
   */
  static double score(double lift, long observed, double expected, SpikeTest spike) {
    double excess = observed - expected;
    double recentExcess = Math.max(0, spike.recent() - spike.expectedRecent());
    double recency = excess <= 0 ? 0 : Math.min(1, recentExcess / excess);
    return Math.log(lift) / Math.log(2) * Math.sqrt(Math.max(0, excess)) * (1 + recency);
  }

}
