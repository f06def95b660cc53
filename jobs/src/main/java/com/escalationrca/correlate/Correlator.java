package com.escalationrca.correlate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.escalationrca.cluster.Cluster;
import com.escalationrca.ingest.Taxonomy;

/**
 * Tests every cluster × dimension value (and combinations of values) for over-representation, adds
 * surges of whole clusters and of values ({@link SurgeDetector}), then tests each finding's last
 * days against the rest of the window for a spike ({@link SpikeTest}) and dates its onset
 * ({@link Onset}). Expected counts are computed
 * within strata (language by default) and the association is tested with Cochran–Mantel–Haenszel;
 * p-values are adjusted with Benjamini–Hochberg over all tests of the run. A finding needs at
 * least {@code minSupport} escalations, lift above 1 and q below {@code alpha}; findings are ranked
 * by score = log2(lift) × √(observed − expected) × (1 + recent share of the excess): effect size
 * times the square root of the excess, so a large excess with a modest lift can outrank a tiny
 * cluster with a huge lift, and doubled at most when the whole excess is recent.
 */
public final class Correlator {

  private static final String ALL = "";
  /**
   * Cells expected to hold fewer escalations are not tested: the chi-square approximation behind
   * the CMH test is unreliable there (Cochran, 1954). The rule depends on the margins only, so the
   * set of tests does not depend on the cells' own counts.
   */
  static final double MIN_EXPECTED = 5.0;

  private final CorrelateProperties properties;
  private final Taxonomy taxonomy;

  public Correlator(CorrelateProperties properties, Taxonomy taxonomy) {
    requireDimensions("context-dimensions", properties.contextDimensions(), taxonomy);
    requireDimensions("combine-dimensions", properties.combineDimensions(), taxonomy);
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
    Tests tests = tests(observations);
    List<Candidate> candidates = tests.candidates();
    // One Benjamini–Hochberg family for every test of the run, single values and combinations alike.
    double[] q = BenjaminiHochberg.adjust(candidates.stream().mapToDouble(c -> c.table().pValue()).toArray());
    List<ContextQualifier.Qualified> significant = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i++) {
      if (q[i] < properties.alpha() && reportable(candidates.get(i), tests.lifts())) {
        significant.add(new ContextQualifier.Qualified(candidates.get(i), q[i]));
      }
    }
    TimeSeries series = new TimeSeries(observations, windowStart, windowEnd);
    Map<String, List<Observation>> byCluster = observations.stream().collect(Collectors.groupingBy(Observation::clusterId));
    List<ContextQualifier.Qualified> merged = new FindingMerger(properties, taxonomy).merge(significant, byCluster, observations);
    List<ContextQualifier.Qualified> reported = new ContextQualifier(properties, taxonomy).qualify(merged, byCluster, observations);
    List<Finding> findings = new ArrayList<>(concentrations(reported, series, byCluster, clusterLabels));
    findings.addAll(new SurgeDetector(properties, taxonomy).detect(observations, byCluster, series, clusterLabels,
        List.copyOf(findings)));
    findings.sort(Comparator.comparingDouble(Finding::score).reversed()
        .thenComparing(Finding::clusterId).thenComparing(Finding::dimension).thenComparing(Finding::value));
    List<Finding> ranked = new ArrayList<>();
    for (int i = 0; i < Math.min(findings.size(), properties.maxFindings()); i++) {
      ranked.add(findings.get(i).ranked(i + 1));
    }
    return new Correlation(ranked, profiles(observations), candidates.size());
  }

  /** The run's tests, and the lift of every cell evaluated (tested or not) for the subset rule. */
  private record Tests(List<Candidate> candidates, Map<String, Double> lifts) {
  }

  private Tests tests(List<Observation> observations) {
    Counts counts = new Counts();
    for (Observation o : observations) {
      counts.add(o, taxonomy.names(), properties.stratifyBy());
    }
    List<Candidate> candidates = new ArrayList<>();
    Map<String, Double> lifts = new HashMap<>();
    for (Taxonomy.Dimension dimension : taxonomy.dimensions()) {
      if (dimension.isProfile()) {
        continue;
      }
      boolean stratified = !dimension.name().equals(properties.stratifyBy());
      // Every cluster × value whose expected count allows a valid test is tested, whatever its own
      // count: choosing tests by their observed counts would pick the lucky cells and void the
      // Benjamini–Hochberg guarantee. Minimum support filters what is reported, after correction.
      for (String cluster : counts.clusters()) {
        for (String value : counts.values(dimension.name())) {
          StratifiedTable table = new StratifiedTable();
          for (String stratum : stratified ? counts.strata() : List.of(ALL)) {
            table.add(counts.inBoth(stratum, dimension.name(), cluster, value, stratified),
                counts.clusterSize(stratum, cluster, stratified),
                counts.valueCount(stratum, dimension.name(), value, stratified),
                counts.total(stratum, stratified));
          }
          Candidate candidate = new Candidate(cluster, List.of(new Part(dimension, value)), table);
          if (table.expected() > 0) {
            lifts.put(candidate.cluster() + "\u0001" + candidate.key(), candidate.lift());
          }
          if (table.expected() >= MIN_EXPECTED) {
            candidates.add(candidate);
          }
        }
      }
    }
    if (properties.maxCombination() >= 2) {
      CombinationFinder.Result combinations = new CombinationFinder(properties, taxonomy).combinations(observations);
      candidates.addAll(combinations.candidates());
      lifts.putAll(combinations.lifts());
    }
    return new Tests(candidates, lifts);
  }

  /**
   * A significant cell is reported when it holds more than expected, at least {@code minSupport}
   * escalations, a lift whose interval excludes 1 (in a very large cluster a lift of 1.01 can be
   * "significant" and still tell a reader nothing), and, for a combination, more than its subsets.
   */
  private boolean reportable(Candidate c, Map<String, Double> lifts) {
    return c.table().observed() > c.table().expected()
        && c.table().observed() >= properties.minSupport()
        && LiftInterval.of(c.table().observed(), c.table().expected(), 0.95).low() > 1
        && (c.parts().size() == 1 || explainsMoreThanItsSubsets(c, lifts));
  }

  /** Findings for the reported cells, each with its spike and trend (their own BH families) and summary. */
  private List<Finding> concentrations(List<ContextQualifier.Qualified> reported, TimeSeries series,
                                       Map<String, List<Observation>> byCluster, Map<String, String> clusterLabels) {
    List<TimeSeries.Cell> cells = reported.stream().map(r -> series.cell(
        byCluster.getOrDefault(r.candidate().cluster(), List.of()), r.candidate()::matches, properties.recentDays())).toList();
    double[] spikeQ = BenjaminiHochberg.adjust(cells.stream().mapToDouble(t -> t.spike().pValue()).toArray());
    double[] trendQ = BenjaminiHochberg.adjust(cells.stream().mapToDouble(t -> t.trend().pValue()).toArray());
    List<Finding> findings = new ArrayList<>();
    for (int f = 0; f < reported.size(); f++) {
      Candidate c = reported.get(f).candidate();
      double findingQ = reported.get(f).qValue();
      long observed = c.table().observed();
      double expected = c.table().expected();
      LiftInterval lift = LiftInterval.of(observed, expected, 0.95);
      SpikeTest spike = cells.get(f).spike();
      TrendTest trend = cells.get(f).trend();
      LocalDate since = spikeQ[f] < properties.alpha() ? series.onset(cells.get(f).daily(), properties.recentDays()) : null;
      String label = clusterLabels.getOrDefault(c.cluster(), c.cluster());
      findings.add(new Finding(0, Finding.CONCENTRATION, c.cluster(), label, c.dimensionName(), c.value(), observed,
          expected, lift.lift(), lift.low(), lift.high(), c.table().pValue(), findingQ,
          spike.recent(), spike.expectedRecent(), spikeQ[f], since, trend.weeklyChange(), trendQ[f],
          score(lift.lift(), observed, expected, spike),
          summary(label, c.parts(), lift.lift(), observed, expected, findingQ, since, spike,
              trendQ[f] < properties.alpha() ? trend : null),
          examples(byCluster.getOrDefault(c.cluster(), List.of()), c)));
    }
    return findings;
  }

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

  /**
   * A combination is reported only when it explains more than its parts: the lower 95 % bound of its
   * lift exceeds the lift, in the same cluster, of every proper subset that holds a tested value
   * (MacroBase's rule that a combination must beat its subsets; Bailis et al., 2017). A subset that
   * was never evaluated counts as unbeaten.
   */
  private static boolean explainsMoreThanItsSubsets(Candidate combination, Map<String, Double> lifts) {
    double low = LiftInterval.of(combination.table().observed(), combination.table().expected(), 0.95).low();
    return combination.properSubsets().stream().allMatch(subset ->
        low > lifts.getOrDefault(combination.cluster() + "\u0001" + subset.key(), Double.MAX_VALUE));
  }

  private List<String> examples(List<Observation> clusterMembers, Candidate candidate) {
    return clusterMembers.stream()
        .filter(candidate::matches)
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

  static String summary(String label, List<Part> parts, double lift,
                        long observed, double expected, double q, LocalDate since, SpikeTest spike,
                        TrendTest rising) {
    String where = parts.stream().map(p -> p.dimension().phrase() + " " + p.value()).collect(Collectors.joining(" "));
    String text = String.format(Locale.ROOT, "'%s' escalations %s are %.1f× expected (%d vs %.0f, q %s)",
        label, where, lift, observed, expected, formatQ(q));
    if (rising != null && rising.weeklyChange() > 0) {
      text += String.format(Locale.ROOT, ", their share rising %.0f %% a week", rising.weeklyChange() * 100);
    }
    if (since == null) {
      return text;
    }
    return String.format(Locale.ROOT, "Since %s, %s%s; %.1f× their usual share in the last days (%d vs %.0f)",
        since.format(java.time.format.DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH)),
        Character.toLowerCase(text.charAt(0)), text.substring(1), spike.ratio(), spike.recent(), spike.expectedRecent());
  }

  static String formatQ(double q) {
    if (q < 1e-9) {
      return "< 1e-9";
    }
    return q < 0.001 ? String.format(Locale.ROOT, "= %.1e", q) : String.format(Locale.ROOT, "= %.3f", q);
  }

  /** One dimension value: vendor = Atlas Review. */
  record Part(Taxonomy.Dimension dimension, String value) {

    String key() {
      return dimension.name() + "\u0001" + value;
    }

    boolean matches(Observation o) {
      return value.equals(o.dimensions().get(dimension.name()));
    }
  }

  /** A tested cell: a cluster and one value, or a conjunction of values, with its table. */
  record Candidate(String cluster, List<Part> parts, StratifiedTable table) {

    /**
     * The cell of these values (put in taxonomy order) in this cluster, its table counted over the
     * window per stratum.
     */
    static Candidate counted(String cluster, List<Part> parts, Taxonomy taxonomy, List<Observation> window,
                             String stratifyBy) {
      List<String> order = taxonomy.names();
      List<Part> ordered = parts.stream().sorted(Comparator.comparingInt(p -> order.indexOf(p.dimension().name()))).toList();
      Candidate candidate = new Candidate(cluster, ordered, new StratifiedTable());
      Map<String, long[]> strata = new java.util.TreeMap<>();
      for (Observation o : window) {
        // {stratum size, in the cluster, with the values, both}
        long[] counts = strata.computeIfAbsent(String.valueOf(o.dimensions().get(stratifyBy)), s -> new long[4]);
        boolean inCluster = o.clusterId().equals(cluster);
        boolean matches = candidate.matches(o);
        counts[0]++;
        counts[1] += inCluster ? 1 : 0;
        counts[2] += matches ? 1 : 0;
        counts[3] += inCluster && matches ? 1 : 0;
      }
      strata.values().forEach(c -> candidate.table().add(c[3], c[1], c[2], c[0]));
      return candidate;
    }

    String dimensionName() {
      return parts.stream().map(p -> p.dimension().name()).collect(Collectors.joining(Finding.AND));
    }

    String value() {
      return parts.stream().map(Part::value).collect(Collectors.joining(Finding.AND));
    }

    String key() {
      return parts.stream().map(Part::key).collect(Collectors.joining("\u0002"));
    }

    double lift() {
      return table.observed() / table.expected();
    }

    boolean matches(Observation o) {
      return parts.stream().allMatch(p -> p.matches(o));
    }

    /** Every non-empty proper subset of the parts, in order. */
    List<Candidate> properSubsets() {
      List<Candidate> subsets = new ArrayList<>();
      for (int mask = 1; mask < (1 << parts.size()) - 1; mask++) {
        List<Part> subset = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
          if ((mask & 1 << i) != 0) {
            subset.add(parts.get(i));
          }
        }
        subsets.add(new Candidate(cluster, subset, table));
      }
      return subsets;
    }
  }

  /** Contingency counts per stratum, kept as flat maps keyed by joined strings. */
  private static final class Counts {
    private final Map<String, Long> total = new HashMap<>();
    private final Map<String, Long> cluster = new HashMap<>();
    private final Map<String, Long> value = new HashMap<>();
    private final Map<String, Long> both = new HashMap<>();
    private final java.util.Set<String> clusterIds = new java.util.HashSet<>();
    private final Map<String, java.util.Set<String>> valuesByDimension = new HashMap<>();

    void add(Observation o, List<String> dimensions, String stratifyBy) {
      String stratum = String.valueOf(o.dimensions().get(stratifyBy));
      for (String s : List.of(stratum, "\u0002" + ALL)) {
        total.merge(s, 1L, Long::sum);
        cluster.merge(s + "\u0001" + o.clusterId(), 1L, Long::sum);
        for (String d : dimensions) {
          String v = o.dimensions().get(d);
          if (v == null) {
            continue;
          }
          value.merge(s + "\u0001" + d + "\u0001" + v, 1L, Long::sum);
          both.merge(s + "\u0001" + d + "\u0001" + o.clusterId() + "\u0001" + v, 1L, Long::sum);
        }
      }
      clusterIds.add(o.clusterId());
      for (String d : dimensions) {
        String v = o.dimensions().get(d);
        if (v != null) {
          valuesByDimension.computeIfAbsent(d, k -> new java.util.HashSet<>()).add(v);
        }
      }
    }

    private static String key(String stratum, boolean stratified) {
      return stratified ? stratum : "\u0002" + ALL;
    }

    List<String> strata() {
      return total.keySet().stream().filter(s -> !s.startsWith("\u0002")).sorted().toList();
    }

    /** Every cluster seen, except the not-clustered bucket, in id order. */
    List<String> clusters() {
      return clusterIds.stream().filter(c -> !c.equals(Cluster.UNCLUSTERED)).sorted().toList();
    }

    /** Every value of a dimension seen in the window, in order. */
    List<String> values(String dimension) {
      return valuesByDimension.getOrDefault(dimension, java.util.Set.of()).stream().sorted().toList();
    }

    long total(String stratum, boolean stratified) {
      return total.getOrDefault(key(stratum, stratified), 0L);
    }

    long clusterSize(String stratum, String c, boolean stratified) {
      return cluster.getOrDefault(key(stratum, stratified) + "\u0001" + c, 0L);
    }

    long valueCount(String stratum, String d, String v, boolean stratified) {
      return value.getOrDefault(key(stratum, stratified) + "\u0001" + d + "\u0001" + v, 0L);
    }

    long inBoth(String stratum, String d, String c, String v, boolean stratified) {
      return both.getOrDefault(key(stratum, stratified) + "\u0001" + d + "\u0001" + c + "\u0001" + v, 0L);
    }
  }
}
