package com.escalationrca.correlate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.escalationrca.ingest.Taxonomy;

/**
 * Surges: a whole cluster, or escalations with some values over all clusters (a policy, a vendor,
 * or a combination such as vendor ∧ policy or vendor ∧ market ∧ policy), or a cluster or a group of
 * related clusters ({@link ClusterGroups}) with one value ("'credit report' escalations from vendor
 * V"), or words ({@link WordRises}), rising in the last {@code recentDays} days beyond their usual
 * share of total volume.
 * <ul>
 *   <li>The test is {@link SpikeTest}: total volume is the exposure, so weekday seasonality and
 *   overall growth cancel. Combinations are counted Apriori-style like {@link CellCounts}, and only
 *   sets whose window count lets them reach {@code minSupport} recent escalations are tested.</li>
 *   <li>Conditional on a set's count n, its smallest attainable p-value is (recent share of
 *   volume)^n; {@link TestSelection} keeps the tests that can reach significance, and they form
 *   their own Benjamini–Hochberg family, at half of alpha (the other half goes to concentrations
 *   that rose).</li>
 *   <li>A combination is reported only when the lower bound of its ratio beats the ratio of each of
 *   its parts (a vendor rising everywhere is one surge, not one per market). A cluster, group or
 *   word with a value must beat each part's ratio outside the combination: a problem moved onto
 *   one vendor raises that vendor's total, which must not hide it.</li>
 *   <li>A surge that concentration findings already explain (at least {@link #EXPLAINED} of its
 *   recent excess) is left out: they say it better, with the population it rose in. So is a value
 *   whose rise a reported combination holding it carries: vendor B rising only in market Z is
 *   "vendor B in market Z", not three surges.</li>
 * </ul>
 * A reported surge is dated by CUSUM and gets the trend test.
 */
final class SurgeDetector {

  /** Cluster id of a surge over all clusters. */
  static final String ALL_CLUSTERS = Population.ALL;
  static final String KIND = "surge";
  static final double EXPLAINED = 0.75;
  /** The level at which a combination's recent share must exceed its part's outside it. */
  static final double INTERACTION = 0.05;

  private final CorrelateProperties properties;
  private final Taxonomy taxonomy;

  SurgeDetector(CorrelateProperties properties, Taxonomy taxonomy) {
    this.properties = properties;
    this.taxonomy = taxonomy;
  }

  /**
   * One tested rise: a whole cluster (no parts), values over all escalations, or a group of related
   * clusters ({@code group}, whose id is {@code cluster}) alone or with one value.
   */
  private record Rise(String cluster, ClusterGroups.Group group, List<Part> parts, long total, long recent) {

    Rise(String cluster, List<Part> parts, long total, long recent) {
      this(cluster, null, parts, total, recent);
    }

    /** Is an escalation of this cluster inside the rise's cluster or group (any, over all clusters)? */
    boolean within(String clusterId) {
      return group != null ? group.contains(clusterId) : cluster.equals(ALL_CLUSTERS) || cluster.equals(clusterId);
    }

    boolean matches(Observation o) {
      if (!within(o.clusterId())) {
        return false;
      }
      for (Part p : parts) {
        if (!p.matches(o)) {
          return false;
        }
      }
      return true;
    }

    String key() {
      return cluster + "\u0002" + parts.stream().map(Part::key).reduce("", (a, b) -> a + "\u0002" + b);
    }
  }

  List<Finding> detect(List<Observation> window, Populations populations, TimeSeries series,
                       Map<String, String> clusterLabels, List<Finding> concentrations) {
    TimeSeries.Split split = series.split(properties.recentDays());
    List<Rise> counted = new ArrayList<>();
    for (Population p : populations.all()) {
      if (p.isCluster()) {
        List<Observation> members = populations.members(p);
        counted.add(new Rise(p.key(), List.of(), members.size(),
            members.stream().filter(o -> split.isRecent(o.day())).count()));
      }
    }
    counted.addAll(valueRises(window, split));
    List<Taxonomy.Dimension> withWords = taxonomy.dimensions().stream()
        .filter(d -> d.isPopulation() || properties.combineDimensions().contains(d.name())).toList();
    WordRises words = new WordRises(properties.maxWords(), properties.maxWordShare(), properties.minSupport());
    words.count(window, split, withWords)
        .forEach(c -> counted.add(new Rise(ALL_CLUSTERS, c.parts(), c.total(), c.recent())));
    List<ClusterGroups.Group> groups = words.groups(window,
        new ClusterGroups(properties.maxGroupClusters(), properties.maxGroupShare()));
    counted.addAll(groupRises(window, split, groups, withWords));
    List<Rise> rises = withoutRepeatedTests(counted);
    double recentShare = split.recentShare();
    List<Rise> family = new ArrayList<>();
    // Surges are one of the two families that claim a rise: half of alpha (see Correlator). Rises of
    // words are a family of their own, so that thousands of word tests do not weaken the correction
    // of the structured ones (measured: CFPB 10-complaint recall 95 % → 85 % in one family), held to
    // word-alpha: words follow every theme's ups and downs, and at half of alpha they named 8
    // wordings in 20 generated nights that were no planted cause. Clusters and groups of them with a
    // value are a third family, at half of alpha like clusters: populations the clustering drew
    // before any test, not thousands of words (at word-alpha, CFPB text-only recall at 20 was 55 %;
    // at half of alpha 60 %, null findings 3 in 100 either way).
    double alpha = properties.alpha() / Correlator.RISE_FAMILIES;
    List<Double> qs = new ArrayList<>();
    List<SpikeTest> spikes = new ArrayList<>();
    List<Double> levels = new ArrayList<>();
    for (int kind = STRUCTURED; kind <= GROUPS; kind++) {
      int k = kind;
      double level = kind == WORDS ? Math.min(alpha, properties.wordAlpha()) : alpha;
      List<Rise> group = rises.stream().filter(r -> kind(r) == k).toList();
      boolean[] selected = TestSelection.select(group.stream()
          .mapToDouble(r -> r.total() < properties.minSupport() ? 1.0 : Math.pow(recentShare, r.total())).toArray(),
          level);
      List<Rise> tested = new ArrayList<>();
      for (int i = 0; i < group.size(); i++) {
        if (selected[i] && group.get(i).total() >= properties.minSupport()) {
          tested.add(group.get(i));
        }
      }
      List<SpikeTest> groupSpikes = tested.stream().map(r -> split.spike(r.recent(), r.total())).toList();
      for (double groupQ : BenjaminiHochberg.adjust(groupSpikes.stream().mapToDouble(SpikeTest::pValue).toArray())) {
        qs.add(groupQ);
        levels.add(level);
      }
      family.addAll(tested);
      spikes.addAll(groupSpikes);
    }
    double[] q = qs.stream().mapToDouble(Double::doubleValue).toArray();
    if (words.candidates(window) != null) {
      // Narratives are compared by their words: without words (max-words 0), no value's can be.
      vouchForShifts(window, split, withWords, family, spikes, q, levels, alpha);
    }
    Map<String, Double> ratios = new HashMap<>();
    Map<String, Rise> byKey = new HashMap<>();
    rises.forEach(r -> byKey.put(r.key(), r));
    for (int i = 0; i < family.size(); i++) {
      ratios.put(family.get(i).key(), spikes.get(i).ratio());
    }
    List<Integer> reported = new ArrayList<>();
    // Combinations first: a part that only carries a reported combination's rise is explained by it.
    List<Integer> order = java.util.stream.IntStream.range(0, family.size()).boxed()
        .sorted(Comparator.comparingInt((Integer i) -> -family.get(i).parts().size()).thenComparing(i -> i)).toList();
    for (int i : order) {
      Rise rise = family.get(i);
      SpikeTest spike = spikes.get(i);
      if (q[i] >= levels.get(i) || spike.recent() < properties.minSupport() || spike.expectedRecent() <= 0) {
        continue;
      }
      LiftInterval ratio = LiftInterval.of(spike.recent(), spike.expectedRecent(), 0.95);
      boolean beats = isDescription(rise) && (rise.group() != null ? rise.parts().size() == 1 : rise.parts().size() == 2)
          ? beatsItsPartsOutside(rise, ratio.low(), byKey, split) : beatsItsParts(rise, ratio.low(), ratios);
      // Words are many and follow every theme's ups and downs: their rise must be large, not just sure.
      // So are nested groups of clusters (a cluster with a value is one population, as a value is).
      double least = least(rise);
      if (ratio.low() > least && beats && !explained(rise, spike, concentrations)
          && !explainedByClusters(rise, spike, reported.stream().map(r -> Map.entry(family.get(r), spikes.get(r))).toList())
          && !explainedByCombination(rise, spike, reported.stream().map(r -> Map.entry(family.get(r), spikes.get(r))).toList())) {
        reported.add(i);
      }
    }
    List<Integer> distinct = withoutWordsTheValuesExplain(withoutRepeatedWords(reported, family, q, window, split),
        family, window, split, concentrations);
    reported.clear();
    reported.addAll(distinct);
    reported.sort(Comparator.naturalOrder());
    List<TimeSeries.Cell> cells = reported.stream().map(i -> {
      Rise rise = family.get(i);
      return series.cell(members(rise, window, populations), rise::matches, properties.recentDays());
    }).toList();
    double[] trendQ = BenjaminiHochberg.adjust(cells.stream().mapToDouble(c -> c.trend().pValue()).toArray());
    List<Finding> surges = new ArrayList<>();
    for (int r = 0; r < reported.size(); r++) {
      Rise rise = family.get(reported.get(r));
      SpikeTest spike = spikes.get(reported.get(r));
      double surgeQ = q[reported.get(r)];
      LiftInterval ratio = LiftInterval.of(spike.recent(), spike.expectedRecent(), 0.95);
      LocalDate since = series.onset(cells.get(r).daily(), properties.recentDays());
      String label = rise.cluster().equals(ALL_CLUSTERS) ? Correlator.ALL_ESCALATIONS
          : rise.group() != null ? groupLabel(rise.group(), window, clusterLabels)
          : clusterLabels.getOrDefault(rise.cluster(), rise.cluster());
      double excess = spike.recent() - spike.expectedRecent();
      TrendTest trend = cells.get(r).trend();
      surges.add(new Finding(0, KIND, rise.cluster(), label,
          rise.parts().stream().map(p -> p.dimension().name()).reduce((a, b) -> a + Finding.AND + b).orElse(""),
          rise.parts().stream().map(Part::value).reduce((a, b) -> a + Finding.AND + b).orElse(""),
          spike.recent(), spike.expectedRecent(), ratio.lift(), ratio.low(), ratio.high(), spike.pValue(), surgeQ,
          spike.recent(), spike.expectedRecent(), surgeQ, since, trend.weeklyChange(), trendQ[r], surgeQ,
          // Like a concentration's score, with the whole excess recent.
          Math.log(ratio.lift()) / Math.log(2) * Math.sqrt(excess) * 2,
          summary(rise, label, ratio.lift(), spike, surgeQ, since),
          examples(rise, since, members(rise, window, populations)), 0));
    }
    return surges;
  }

  /**
   * Values whose narratives changed in the last days ({@link ContentShifts}, a family of its own at
   * half of alpha) are described by their own most significant rise of a word and of a cluster or
   * group with them: those take the change's q-value when it is smaller than their own, and must
   * still clear every rule a rise must (support, ratio, beating their parts outside, not repeating).
   * A problem moved onto one vendor, scattered over clusters and words, is found by its vendor's
   * change and named by its words.
   */
  private void vouchForShifts(List<Observation> window, TimeSeries.Split split,
                              List<Taxonomy.Dimension> dimensions, List<Rise> family, List<SpikeTest> spikes, double[] q,
                              List<Double> levels, double alpha) {
    List<ContentShifts.Shift> shifts = new ContentShifts(properties.contentNeighbours(), properties.contentSample(),
        properties.minSupport()).test(window, split, dimensions, alpha);
    double[] shiftQ = BenjaminiHochberg.adjust(shifts.stream().mapToDouble(ContentShifts.Shift::pValue).toArray());
    Map<Part, List<Integer>> changed = new HashMap<>();
    for (int s = 0; s < shifts.size(); s++) {
      if (shiftQ[s] < alpha) {
        changed.put(shifts.get(s).value(), new ArrayList<>());
      }
    }
    if (changed.isEmpty()) {
      return;
    }
    // The descriptions of each changed value: a word with it, or a cluster or group with it.
    for (int i = 0; i < family.size(); i++) {
      Rise rise = family.get(i);
      int kind = kind(rise);
      if (kind != STRUCTURED && rise.parts().size() == (kind == WORDS ? 2 : 1)) {
        List<Integer> descriptions = changed.get(rise.parts().get(rise.parts().size() - 1));
        if (descriptions != null && spikes.get(i).recent() >= properties.minSupport() && spikes.get(i).expectedRecent() > 0) {
          descriptions.add(i);
        }
      }
    }
    for (int s = 0; s < shifts.size(); s++) {
      List<Integer> descriptions = changed.get(shifts.get(s).value());
      if (descriptions == null || shiftQ[s] >= alpha) {
        continue;
      }
      int shift = s;
      for (int kind : new int[] {WORDS, GROUPS}) {
        int k = kind;
        // The most significant rise of that kind whose ratio clears its floor.
        descriptions.stream().filter(i -> kind(family.get(i)) == k)
            .sorted(Comparator.comparingDouble((Integer i) -> spikes.get(i).pValue()).thenComparing(i -> i))
            .filter(i -> LiftInterval.of(spikes.get(i).recent(), spikes.get(i).expectedRecent(), 0.95).low()
                > least(family.get(i)))
            .findFirst().ifPresent(best -> {
              if (shiftQ[shift] < q[best]) {
                q[best] = shiftQ[shift];
                levels.set(best, alpha);
              }
            });
      }
    }
  }

  /** The least lower bound of a rise's ratio: words and groups of clusters follow every theme's ups and downs. */
  private double least(Rise rise) {
    return kind(rise) == WORDS || rise.group() != null && rise.group().clusters().size() > 1
        ? properties.wordMinRatio() : 1;
  }

  private static List<Observation> members(Rise rise, List<Observation> window, Populations populations) {
    return rise.cluster().equals(ALL_CLUSTERS) || rise.group() != null ? window
        : populations.members(Population.cluster(rise.cluster()));
  }

  /** Each group of related clusters, alone and with each value of the given dimensions. */
  private List<Rise> groupRises(List<Observation> window, TimeSeries.Split split, List<ClusterGroups.Group> groups,
                                List<Taxonomy.Dimension> dimensions) {
    // Counted once per cluster and value (dense), then summed over each group's clusters, which share
    // no escalations: one pass over the window however deeply the groups nest.
    Map<String, Integer> clusterIndex = new HashMap<>();
    groups.forEach(g -> g.clusters().forEach(c -> clusterIndex.putIfAbsent(c, clusterIndex.size())));
    List<Part> parts = new ArrayList<>();
    List<Map<String, Integer>> partIds = new ArrayList<>();
    dimensions.forEach(d -> partIds.add(new HashMap<>()));
    for (Observation o : window) {
      if (clusterIndex.containsKey(o.clusterId())) {
        for (int d = 0; d < dimensions.size(); d++) {
          String value = o.dimensions().get(dimensions.get(d).name());
          if (value != null && !partIds.get(d).containsKey(value)) {
            partIds.get(d).put(value, parts.size());
            parts.add(new Part(dimensions.get(d), value));
          }
        }
      }
    }
    // Column 0: the cluster alone; column 1 + p: the cluster with value p.
    int columns = parts.size() + 1;
    long[] total = new long[clusterIndex.size() * columns];
    long[] recent = new long[total.length];
    for (Observation o : window) {
      Integer c = clusterIndex.get(o.clusterId());
      if (c == null) {
        continue;
      }
      int isRecent = split.isRecent(o.day()) ? 1 : 0;
      int row = c * columns;
      total[row]++;
      recent[row] += isRecent;
      for (int d = 0; d < dimensions.size(); d++) {
        String value = o.dimensions().get(dimensions.get(d).name());
        if (value != null) {
          int cell = row + 1 + partIds.get(d).get(value);
          total[cell]++;
          recent[cell] += isRecent;
        }
      }
    }
    List<Rise> rises = new ArrayList<>();
    for (ClusterGroups.Group group : groups) {
      // A group of one alone is its cluster's own surge, tested with the clusters.
      for (int column = group.clusters().size() == 1 ? 1 : 0; column < columns; column++) {
        long groupTotal = 0;
        long groupRecent = 0;
        for (String c : group.clusters()) {
          groupTotal += total[clusterIndex.get(c) * columns + column];
          groupRecent += recent[clusterIndex.get(c) * columns + column];
        }
        if (groupTotal >= properties.minSupport()) {
          rises.add(new Rise(group.id(), group, column == 0 ? List.of() : List.of(parts.get(column - 1)), groupTotal,
              groupRecent));
        }
      }
    }
    return rises;
  }

  /** A group is named by its largest member clusters' labels. */
  private static String groupLabel(ClusterGroups.Group group, List<Observation> window, Map<String, String> labels) {
    Map<String, Long> sizes = window.stream().filter(o -> group.contains(o.clusterId()))
        .collect(java.util.stream.Collectors.groupingBy(Observation::clusterId, java.util.stream.Collectors.counting()));
    return sizes.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(3).map(e -> labels.getOrDefault(e.getKey(), e.getKey()))
        .collect(java.util.stream.Collectors.joining(" · "));
  }

  /**
   * Total and recent counts of every value, and every frequent pair and triple of the population and
   * combine dimensions, over all escalations (two passes, Apriori, values packed into longs).
   */
  private List<Rise> valueRises(List<Observation> window, TimeSeries.Split split) {
    List<Taxonomy.Dimension> dimensions = taxonomy.dimensions().stream()
        .filter(d -> d.isPopulation() || !d.isProfile()).toList();
    List<Part> partList = new ArrayList<>();
    List<Boolean> combinable = new ArrayList<>();
    Map<String, Integer> ids = new HashMap<>();
    int[][] parts = new int[window.size()][];
    int[] buffer = new int[dimensions.size()];
    for (int o = 0; o < window.size(); o++) {
      int n = 0;
      for (Taxonomy.Dimension d : dimensions) {
        String value = window.get(o).dimensions().get(d.name());
        if (value == null) {
          continue;
        }
        Integer id = ids.get(d.name() + "\u0001" + value);
        if (id == null && partList.size() < 0xFFFE) {
          id = partList.size();
          ids.put(d.name() + "\u0001" + value, id);
          partList.add(new Part(d, value));
          combinable.add(d.isPopulation() || properties.combineDimensions().contains(d.name()));
        }
        if (id != null) {
          buffer[n++] = id;
        }
      }
      parts[o] = java.util.Arrays.copyOf(buffer, n);
    }
    int maxSize = properties.maxCombination();
    Map<Long, long[]> counts = new HashMap<>();
    for (int o = 0; o < window.size(); o++) {
      int recent = split.isRecent(window.get(o).day()) ? 1 : 0;
      int[] p = parts[o];
      for (int i = 0; i < p.length; i++) {
        add(counts, key(p[i]), recent);
        for (int j = i + 1; maxSize >= 2 && combinable.get(p[i]) && j < p.length; j++) {
          if (combinable.get(p[j])) {
            add(counts, key(p[i], p[j]), recent);
          }
        }
      }
    }
    long minimum = properties.minSupport();
    for (int o = 0; maxSize >= 3 && o < window.size(); o++) {
      int recent = split.isRecent(window.get(o).day()) ? 1 : 0;
      int[] p = parts[o];
      for (int i = 0; i < p.length; i++) {
        for (int j = i + 1; combinable.get(p[i]) && j < p.length; j++) {
          for (int k = j + 1; combinable.get(p[j]) && k < p.length; k++) {
            if (combinable.get(p[k]) && total(counts, key(p[i], p[j])) >= minimum
                && total(counts, key(p[i], p[k])) >= minimum && total(counts, key(p[j], p[k])) >= minimum) {
              add(counts, key(p[i], p[j], p[k]), recent);
            }
          }
        }
      }
    }
    List<Rise> rises = new ArrayList<>();
    counts.entrySet().stream().filter(e -> e.getValue()[0] >= minimum).sorted(Map.Entry.comparingByKey())
        .forEach(e -> {
          List<Part> values = new ArrayList<>(3);
          for (int i = 0; i < 3; i++) {
            int part = (int) (e.getKey() >>> (16 * i) & 0xFFFF) - 1;
            if (part >= 0) {
              values.add(partList.get(part));
            }
          }
          rises.add(new Rise(ALL_CLUSTERS, values, e.getValue()[0], e.getValue()[1]));
        });
    return rises;
  }

  private static void add(Map<Long, long[]> counts, long key, int recent) {
    long[] c = counts.computeIfAbsent(key, k -> new long[2]);
    c[0]++;
    c[1] += recent;
  }

  private static long total(Map<Long, long[]> counts, long key) {
    long[] c = counts.get(key);
    return c == null ? 0 : c[0];
  }

  private static long key(int... parts) {
    long key = 0;
    for (int i = 0; i < parts.length; i++) {
      key |= (long) (parts[i] + 1) << (16 * i);
    }
    return key;
  }

  /**
   * One problem's narratives share many words ("identity", "theft", "identity theft"), and each
   * rises with them; so do a problem's clusters and the nested groups holding them. A rise of words,
   * clusters or groups with values is kept only when less than half of its recent escalations are
   * already held by kept ones with the same values, taken in order of q-value: the most significant
   * description stands for the rest.
   */
  private List<Integer> withoutRepeatedWords(List<Integer> reported, List<Rise> family, double[] q,
                                             List<Observation> window, TimeSeries.Split split) {
    List<Integer> byQ = reported.stream().filter(i -> isDescription(family.get(i)))
        .sorted(Comparator.comparingDouble((Integer i) -> q[i]).thenComparing(i -> -family.get(i).recent())
            .thenComparing(i -> i)).toList();
    Map<List<Part>, java.util.BitSet> kept = new HashMap<>();
    List<Integer> result = new ArrayList<>(reported.stream().filter(i -> !isDescription(family.get(i))).toList());
    for (int i : byQ) {
      Rise rise = family.get(i);
      java.util.BitSet members = recentMembers(rise, window, split);
      List<Part> values = rise.parts().stream().filter(p -> p.dimension() != WordRises.WORDS).toList();
      java.util.BitSet held = kept.computeIfAbsent(values, v -> new java.util.BitSet(window.size()));
      java.util.BitSet overlap = (java.util.BitSet) members.clone();
      overlap.and(held);
      if (overlap.cardinality() < 0.5 * members.cardinality()) {
        result.add(i);
        held.or(members);
      }
    }
    return result;
  }

  /**
   * A combination holding as many escalations as one of its parts is the same test again (a value
   * every one of them has, such as a policy column with one value): counting it twice would only
   * weaken the correction. It is left out; the part is tested.
   */
  private static List<Rise> withoutRepeatedTests(List<Rise> rises) {
    Map<String, Long> totals = new HashMap<>();
    rises.forEach(r -> totals.put(r.key(), r.total()));
    // A cluster or group with a value is a combination too: of the cluster (or group) and the value.
    return rises.stream().filter(r -> r.parts().size() < (r.group() != null ? 1 : 2)
        || java.util.stream.IntStream.range(0, r.parts().size())
        .noneMatch(drop -> {
          List<Part> subset = new ArrayList<>(r.parts());
          subset.remove(drop);
          return totals.getOrDefault(new Rise(r.cluster(), subset, 0, 0).key(), -1L) == r.total();
        })).toList();
  }

  /**
   * Words are the explanation of last resort: a rise of words at least half of whose recent
   * escalations are held by structured findings that say more than its own values (a cluster, or
   * values beyond them: a surge reported here or a concentration) is left out, so a vendor × market
   * × policy cause is named by its fields, not by a word its narratives happen to share ("nombre
   * from vendor Meridian Ops"). A finding of the vendor alone does not explain "what" rose there,
   * so it does not hide the words. The same holds for a cluster or group with a value, except that
   * a cluster's own surge says less than it: a big group with a channel, mostly a planted vendor ×
   * market cause's escalations, is that cause's echo (measured: such a finding was ticketed one
   * night and "no longer found" the next).
   */
  private static List<Integer> withoutWordsTheValuesExplain(List<Integer> reported, List<Rise> family,
                                                            List<Observation> window, TimeSeries.Split split,
                                                            List<Finding> concentrations) {
    // Each structured finding: the values it names (null: a cluster, which always says more) and its recent escalations.
    List<Map.Entry<java.util.Set<String>, java.util.BitSet>> structured = new ArrayList<>();
    FindingMembers members = new FindingMembers(window, split.firstRecent());
    for (Finding f : concentrations) {
      java.util.BitSet held = members.positions(f);
      for (int o = held.nextSetBit(0); o >= 0; o = held.nextSetBit(o + 1)) {
        if (!split.isRecent(window.get(o).day())) {
          held.clear(o);
        }
      }
      structured.add(Map.entry(f.clusterId().equals(ALL_CLUSTERS) ? keys(Finding.values(f.dimension(), f.value()))
          : java.util.Set.of("\u0000cluster"), held));
    }
    for (int i : reported) {
      Rise rise = family.get(i);
      if (!isDescription(rise)) {
        structured.add(Map.entry(rise.cluster().equals(ALL_CLUSTERS)
            ? rise.parts().stream().map(Part::key).collect(java.util.stream.Collectors.toSet())
            : java.util.Set.of(CLUSTER_ALONE), recentMembers(rise, window, split)));
      }
    }
    return reported.stream().filter(i -> {
      Rise rise = family.get(i);
      if (!isDescription(rise)) {
        return true;
      }
      java.util.Set<String> own = rise.parts().stream().filter(p -> p.dimension() != WordRises.WORDS)
          .map(Part::key).collect(java.util.stream.Collectors.toSet());
      java.util.BitSet explained = new java.util.BitSet(window.size());
      // A cluster's rise alone does not say more than a cluster or group with a value; it says more than words.
      structured.stream().filter(e -> !own.containsAll(e.getKey()))
          .filter(e -> kind(rise) == WORDS || !e.getKey().contains(CLUSTER_ALONE)).forEach(e -> explained.or(e.getValue()));
      java.util.BitSet held = recentMembers(rise, window, split);
      int size = held.cardinality();
      held.and(explained);
      return held.cardinality() < 0.5 * size;
    }).collect(java.util.stream.Collectors.toCollection(ArrayList::new));
  }

  /** The "values" of a cluster's own surge, in {@link #withoutWordsTheValuesExplain}. */
  private static final String CLUSTER_ALONE = "\u0000cluster alone";

  /** Published values as the keys {@link Part#key()} gives them. */
  private static java.util.Set<String> keys(Map<String, String> values) {
    return values.entrySet().stream().map(e -> e.getKey() + "\u0001" + e.getValue())
        .collect(java.util.stream.Collectors.toSet());
  }

  private static java.util.BitSet recentMembers(Rise rise, List<Observation> window, TimeSeries.Split split) {
    java.util.BitSet members = new java.util.BitSet(window.size());
    for (int o = 0; o < window.size(); o++) {
      if (split.isRecent(window.get(o).day()) && rise.matches(window.get(o))) {
        members.set(o);
      }
    }
    return members;
  }

  private static boolean hasWords(Rise rise) {
    return rise.parts().stream().anyMatch(p -> p.dimension() == WordRises.WORDS);
  }

  /** The families of surge tests: clusters and values, words, groups of related clusters. */
  private static final int STRUCTURED = 0;
  private static final int WORDS = 1;
  private static final int GROUPS = 2;

  private static int kind(Rise rise) {
    return rise.group() != null ? GROUPS : hasWords(rise) ? WORDS : STRUCTURED;
  }

  /** Words and groups of related clusters describe what the narratives say, not the fields. */
  private static boolean isDescription(Rise rise) {
    return kind(rise) != STRUCTURED;
  }

  /**
   * A word (or a cluster, or a group of clusters) with a value (words ∧ vendor) must rise faster
   * than the value with every other word, and than the word with every other value: MacroBase's
   * rule, with each part measured outside the combination, so that a problem moved onto one vendor
   * is not hidden by the rise it causes in the vendor's and its words' totals (measured on CFPB
   * text-only plants: "'credit report' from vendor V" rose 2.3× where vendor V rose 1.9× overall,
   * of which the moved complaints were most).
   */
  private static boolean beatsItsPartsOutside(Rise rise, double low, Map<String, Rise> byKey, TimeSeries.Split split) {
    Rise alone;
    Part value;
    if (rise.group() != null) {
      value = rise.parts().get(0);
      alone = byKey.get(new Rise(rise.cluster(), List.of(), 0, 0).key());
    } else {
      Part word = rise.parts().get(0).dimension() == WordRises.WORDS ? rise.parts().get(0) : rise.parts().get(1);
      value = word == rise.parts().get(0) ? rise.parts().get(1) : rise.parts().get(0);
      alone = byKey.get(new Rise(rise.cluster(), List.of(word), 0, 0).key());
    }
    Rise valueAlone = byKey.get(new Rise(ALL_CLUSTERS, List.of(value), 0, 0).key());
    return beatsOutside(rise, low, valueAlone, split)
        && beatsOutside(rise, low, alone, split);
  }

  /**
   * Does the rise beat its part's rise outside it (a part never counted, or held whole by it, is
   * beaten)? Its lower bound must be above the outside's ratio, and its recent share above the
   * outside's beyond chance (Fisher's exact test, one-sided, at {@link #INTERACTION}): a cluster that
   * rose with all its actions is not "the cluster with its most common action" because that action's
   * bound happens to clear an outside ratio measured on a handful of escalations.
   */
  private static boolean beatsOutside(Rise rise, double low, Rise part, TimeSeries.Split split) {
    if (part == null || part.total() <= rise.total()) {
      return true;
    }
    long outsideRecent = part.recent() - rise.recent();
    long outsideTotal = part.total() - rise.total();
    if (low <= split.spike(outsideRecent, outsideTotal).ratio()) {
      return false;
    }
    int population = (int) part.total();
    var fisher = new org.apache.commons.math3.distribution.HypergeometricDistribution(null, population,
        (int) part.recent(), (int) rise.total());
    return fisher.upperCumulativeProbability((int) rise.recent()) < INTERACTION;
  }

  /** A combination must rise faster than each of its parts; a part never tested counts as unbeaten. */
  private static boolean beatsItsParts(Rise rise, double low, Map<String, Double> ratios) {
    int size = rise.parts().size();
    for (int mask = 1; size > 1 && mask < (1 << size) - 1; mask++) {
      List<Part> subset = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        if ((mask & 1 << i) != 0) {
          subset.add(rise.parts().get(i));
        }
      }
      if (low <= ratios.getOrDefault(new Rise(rise.cluster(), subset, 0, 0).key(), Double.MAX_VALUE)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Do concentration findings already hold most of the surge's recent excess? Findings holding all
   * of the surge's values (in its cluster, for a cluster's surge) count: the best one in each
   * cluster, added up (clusters share no escalations), or the best population-level one, whichever
   * is more.
   */
  private static boolean explained(Rise rise, SpikeTest surge, List<Finding> concentrations) {
    double excess = surge.recent() - surge.expectedRecent();
    Map<String, Double> bestByCluster = new HashMap<>();
    for (Finding f : concentrations) {
      if (!rise.cluster().equals(ALL_CLUSTERS) && !rise.within(f.clusterId())) {
        continue;
      }
      Map<String, String> values = Finding.values(f.dimension(), f.value());
      if (rise.parts().stream().allMatch(p -> p.value().equals(values.get(p.dimension().name())))) {
        bestByCluster.merge(f.clusterId(), f.recentObserved() - f.recentExpected(), Math::max);
      }
    }
    double populationLevel = bestByCluster.getOrDefault(ALL_CLUSTERS, 0.0);
    double clusterLevel = bestByCluster.entrySet().stream().filter(e -> !e.getKey().equals(ALL_CLUSTERS))
        .mapToDouble(Map.Entry::getValue).sum();
    return Math.max(populationLevel, clusterLevel) >= EXPLAINED * excess;
  }

  /**
   * Is a group's rise the rise of clusters in it? Reported surges of its member clusters that carry
   * most of its excess say it more precisely. Clusters share no escalations, so their excesses add
   * up; a group with a value is weighed against its clusters and smaller groups with that value by
   * q-value instead ({@link #withoutRepeatedWords}), as nested groups would count twice here.
   */
  private static boolean explainedByClusters(Rise rise, SpikeTest surge, List<Map.Entry<Rise, SpikeTest>> reported) {
    if (rise.group() == null || !rise.parts().isEmpty()) {
      return false;
    }
    double excess = surge.recent() - surge.expectedRecent();
    double held = reported.stream().filter(r -> r.getKey().group() == null && r.getKey().parts().isEmpty()
            && rise.group().contains(r.getKey().cluster()))
        .mapToDouble(r -> r.getValue().recent() - r.getValue().expectedRecent()).sum();
    return held >= EXPLAINED * excess;
  }

  /** Does a reported combination over all escalations that holds this rise's values carry most of its excess? */
  private static boolean explainedByCombination(Rise rise, SpikeTest surge, List<Map.Entry<Rise, SpikeTest>> reported) {
    if (!rise.cluster().equals(ALL_CLUSTERS)) {
      return false;
    }
    double excess = surge.recent() - surge.expectedRecent();
    return reported.stream().filter(r -> r.getKey().cluster().equals(ALL_CLUSTERS)
            && r.getKey().parts().size() > rise.parts().size() && r.getKey().parts().containsAll(rise.parts()))
        .anyMatch(r -> r.getValue().recent() - r.getValue().expectedRecent() >= EXPLAINED * excess);
  }

  private String summary(Rise rise, String label, double ratio, SpikeTest spike, double q, LocalDate since) {
    String what = rise.parts().isEmpty() ? "'" + FindingText.published(label) + "' escalations"
        : rise.group() != null ? "'" + FindingText.published(label) + "' escalations " + FindingText.phrase(rise.parts())
        : "escalations " + FindingText.phrase(rise.parts());
    return String.format(Locale.ROOT, "Since %s, %s are %.1f× their usual share of volume (%d vs %.0f in the last %d days, q %s)",
        FindingText.day(since), what, ratio, spike.recent(), spike.expectedRecent(), properties.recentDays(),
        FindingText.formatQ(q));
  }

  /** The most typical members since the onset. */
  private List<String> examples(Rise rise, LocalDate since, List<Observation> members) {
    return members.stream().filter(rise::matches).filter(o -> !o.day().isBefore(since))
        .sorted(Comparator.comparingDouble(Observation::similarity).reversed().thenComparing(Observation::externalId))
        .limit(properties.examplesPerFinding()).map(Observation::externalId).toList();
  }
}
