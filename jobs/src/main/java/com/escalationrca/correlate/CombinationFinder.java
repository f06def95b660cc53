package com.escalationrca.correlate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.escalationrca.cluster.Cluster;
import com.escalationrca.ingest.Taxonomy;

/**
 * Combinations of two or three dimension values within each cluster (vendor ∧ market,
 * vendor ∧ market ∧ channel), found Apriori-style (Agrawal &amp; Srikant, 1994): a combination is
 * counted only when every one of its sub-pairs occurs at least {@link Correlator#MIN_EXPECTED}
 * times in the window, since a cell's expected count can never exceed its combination's count.
 * Like single values, a combination is tested when its expected count from the margins reaches
 * {@link Correlator#MIN_EXPECTED}, never because of its own count in the cluster, which keeps the
 * run's Benjamini–Hochberg family honest. Only the configured dimensions combine (who handled an
 * escalation, where, how it came, what was done: its causes, not its results, which keeps the
 * family of tests small). Profile dimensions (policy, language) take no part: the
 * narrative determines them, so they are what a cluster is; {@link ContextQualifier} adds a policy
 * to a finding afterwards when the finding's escalations single one out.
 *
 * <p>Counting is two passes over the window with the few dozen value combinations of each
 * escalation, packed into longs, so the work grows with the data and not with the number of
 * possible combinations.
 */
final class CombinationFinder {

  /** Part ids are packed 16 bits each; values beyond this many are left out of combinations. */
  private static final int MAX_PARTS = 0xFFFF;
  private static final long MIN_COUNT = (long) Math.ceil(Correlator.MIN_EXPECTED);

  /** The tested combinations, and the lift of every combination evaluated, for the subset rule. */
  record Result(List<Correlator.Candidate> candidates, Map<String, Double> lifts) {
  }

  private final CorrelateProperties properties;
  private final Taxonomy taxonomy;

  CombinationFinder(CorrelateProperties properties, Taxonomy taxonomy) {
    this.properties = properties;
    this.taxonomy = taxonomy;
  }

  Result combinations(List<Observation> observations) {
    Encoding encoding = new Encoding(observations);
    int strata = encoding.strata.size();
    // Pass 1: window counts of single values and pairs, per stratum.
    Map<Long, long[]> margin = new HashMap<>();
    for (int o = 0; o < observations.size(); o++) {
      int[] parts = encoding.parts[o];
      int stratum = encoding.stratum[o];
      for (int i = 0; i < parts.length; i++) {
        add(margin, key(parts[i]), stratum, strata);
        for (int j = i + 1; j < parts.length; j++) {
          add(margin, key(parts[i], parts[j]), stratum, strata);
        }
      }
    }
    // Pass 2: triples whose sub-pairs are all frequent, and every count within clusters.
    Map<Long, long[]> inCluster = new HashMap<>();
    long[][] clusterSize = new long[encoding.clusters.size()][strata];
    for (int o = 0; o < observations.size(); o++) {
      int[] parts = encoding.parts[o];
      int stratum = encoding.stratum[o];
      long cluster = encoding.cluster[o];
      clusterSize[encoding.cluster[o]][stratum]++;
      for (int i = 0; i < parts.length; i++) {
        for (int j = i + 1; j < parts.length; j++) {
          long pair = key(parts[i], parts[j]);
          if (!frequent(margin, pair)) {
            continue;
          }
          add(inCluster, withCluster(pair, cluster), stratum, strata);
          if (properties.maxCombination() < 3) {
            continue;
          }
          for (int k = j + 1; k < parts.length; k++) {
            if (frequent(margin, key(parts[i], parts[k])) && frequent(margin, key(parts[j], parts[k]))) {
              long triple = key(parts[i], parts[j], parts[k]);
              add(margin, triple, stratum, strata);
              add(inCluster, withCluster(triple, cluster), stratum, strata);
            }
          }
        }
      }
    }
    return evaluate(encoding, margin, inCluster, clusterSize);
  }

  private Result evaluate(Encoding encoding, Map<Long, long[]> margin, Map<Long, long[]> inCluster,
                          long[][] clusterSize) {
    int strata = encoding.strata.size();
    long[] stratumSize = new long[strata];
    for (long[] sizes : clusterSize) {
      for (int s = 0; s < strata; s++) {
        stratumSize[s] += sizes[s];
      }
    }
    List<Correlator.Candidate> candidates = new ArrayList<>();
    Map<String, Double> lifts = new HashMap<>();
    List<Long> itemsets = margin.keySet().stream()
        .filter(k -> size(k) >= 2 && frequent(margin, k)).sorted().toList();
    for (int c = 0; c < encoding.clusters.size(); c++) {
      if (encoding.clusters.get(c).equals(Cluster.UNCLUSTERED)) {
        continue;
      }
      for (long itemset : itemsets) {
        long[] cellCounts = margin.get(itemset);
        long[] both = inCluster.getOrDefault(withCluster(itemset, c), new long[strata]);
        StratifiedTable table = new StratifiedTable();
        for (int s = 0; s < strata; s++) {
          table.add(both[s], clusterSize[c][s], cellCounts[s], stratumSize[s]);
        }
        if (table.expected() <= 0) {
          continue;
        }
        Correlator.Candidate candidate = new Correlator.Candidate(encoding.clusters.get(c), parts(encoding, itemset), table);
        lifts.put(candidate.cluster() + "\u0001" + candidate.key(), candidate.lift());
        if (table.expected() >= Correlator.MIN_EXPECTED) {
          candidates.add(candidate);
        }
      }
    }
    return new Result(candidates, lifts);
  }

  private static boolean frequent(Map<Long, long[]> margin, long key) {
    long[] counts = margin.get(key);
    if (counts == null) {
      return false;
    }
    long total = 0;
    for (long c : counts) {
      total += c;
    }
    return total >= MIN_COUNT;
  }

  private static void add(Map<Long, long[]> counts, long key, int stratum, int strata) {
    counts.computeIfAbsent(key, k -> new long[strata])[stratum]++;
  }

  /** Part ids (1-based, in taxonomy order) packed 16 bits each; bits 48–63 hold a cluster. */
  private static long key(int... parts) {
    long key = 0;
    for (int i = 0; i < parts.length; i++) {
      key |= (long) (parts[i] + 1) << (16 * i);
    }
    return key;
  }

  private static long withCluster(long itemset, long cluster) {
    return itemset | (cluster + 1) << 48;
  }

  private static int size(long itemset) {
    int size = 0;
    for (int i = 0; i < 3; i++) {
      if (part(itemset, i) >= 0) {
        size++;
      }
    }
    return size;
  }

  private static int part(long itemset, int position) {
    return (int) (itemset >>> (16 * position) & 0xFFFF) - 1;
  }

  private static List<Correlator.Part> parts(Encoding encoding, long itemset) {
    List<Correlator.Part> parts = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      int part = part(itemset, i);
      if (part >= 0) {
        parts.add(encoding.partList.get(part));
      }
    }
    return parts;
  }

  /** Dense ids for the window's strata, clusters and combinable values, and each row's parts. */
  private final class Encoding {
    final List<String> strata = new ArrayList<>();
    final List<String> clusters = new ArrayList<>();
    final List<Correlator.Part> partList = new ArrayList<>();
    final int[] stratum;
    final int[] cluster;
    final int[][] parts;
    private final Map<String, Integer> partIds = new HashMap<>();

    Encoding(List<Observation> observations) {
      Map<String, Integer> strataIds = new HashMap<>();
      Map<String, Integer> clusterIds = new HashMap<>();
      List<Taxonomy.Dimension> combinable = taxonomy.dimensions().stream()
          .filter(d -> !d.isProfile() && properties.combineDimensions().contains(d.name())).toList();
      stratum = new int[observations.size()];
      cluster = new int[observations.size()];
      parts = new int[observations.size()][];
      for (int o = 0; o < observations.size(); o++) {
        Observation observation = observations.get(o);
        stratum[o] = strataIds.computeIfAbsent(String.valueOf(observation.dimensions().get(properties.stratifyBy())),
            s -> index(strata, s));
        cluster[o] = clusterIds.computeIfAbsent(observation.clusterId(), c -> index(clusters, c));
        List<Integer> present = new ArrayList<>();
        for (Taxonomy.Dimension d : combinable) {
          String value = observation.dimensions().get(d.name());
          Integer id = value == null ? null : partId(d, value);
          if (id != null) {
            present.add(id);
          }
        }
        parts[o] = present.stream().mapToInt(Integer::intValue).toArray();
      }
      if (clusters.size() >= MAX_PARTS) {
        throw new IllegalStateException("more than " + MAX_PARTS + " clusters cannot be combined");
      }
    }

    private Integer partId(Taxonomy.Dimension dimension, String value) {
      String key = dimension.name() + "\u0001" + value;
      Integer id = partIds.get(key);
      if (id == null && partList.size() < MAX_PARTS - 1) {
        id = partList.size();
        partIds.put(key, id);
        partList.add(new Correlator.Part(dimension, value));
      }
      return id;
    }

    private static int index(List<String> list, String value) {
      list.add(value);
      return list.size() - 1;
    }
  }
}
