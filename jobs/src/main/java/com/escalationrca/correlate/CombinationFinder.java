package com.escalationrca.correlate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.escalationrca.cluster.Cluster;
import com.escalationrca.ingest.Taxonomy;

/**
 * Candidate pairs of dimension values (vendor ∧ market) within a cluster, found Apriori-style
 * (Agrawal &amp; Srikant, 1994): only values that alone reach the minimum support in the cluster are
 * combined, and only pairs that reach it too are tested, so the work grows with the frequent
 * values, not with all value pairs. Each pair gets the same language-stratified table as a single
 * value: expected = Σ over strata of cluster size × pair count ÷ stratum size.
 */
final class CombinationFinder {

  private final CorrelateProperties properties;
  private final Taxonomy taxonomy;

  CombinationFinder(CorrelateProperties properties, Taxonomy taxonomy) {
    this.properties = properties;
    this.taxonomy = taxonomy;
  }

  List<Correlator.Candidate> pairs(List<Observation> observations, List<Correlator.Candidate> singles) {
    // 1. Frequent single values per cluster (the singles were already support-filtered).
    Map<String, Set<String>> frequent = new HashMap<>();
    Map<String, Correlator.Part> partByKey = new HashMap<>();
    for (Correlator.Candidate single : singles) {
      Correlator.Part part = single.parts().get(0);
      frequent.computeIfAbsent(single.cluster(), k -> new HashSet<>()).add(part.key());
      partByKey.put(part.key(), part);
    }
    // 2. Support of each pair of frequent values inside each cluster.
    Map<String, Long> support = new HashMap<>();
    for (Observation o : observations) {
      Set<String> values = frequent.get(o.clusterId());
      if (values == null || o.clusterId().equals(Cluster.UNCLUSTERED)) {
        continue;
      }
      List<String> present = present(o, values);
      forEachPair(present, pair -> support.merge(o.clusterId() + "\u0003" + pair, 1L, Long::sum));
    }
    Set<String> candidatePairs = new HashSet<>();
    support.forEach((key, count) -> {
      if (count >= properties.minSupport()) {
        candidatePairs.add(key.substring(key.indexOf('\u0003') + 1));
      }
    });
    if (candidatePairs.isEmpty()) {
      return List.of();
    }
    // 3. Per-stratum counts for the candidate pairs.
    Map<String, Long> stratumSize = new HashMap<>();
    Map<String, Long> clusterSize = new HashMap<>();
    Map<String, Long> pairCount = new HashMap<>();
    Map<String, Long> inBoth = new HashMap<>();
    Set<String> allValues = partByKey.keySet();
    for (Observation o : observations) {
      String stratum = String.valueOf(o.dimensions().get(properties.stratifyBy()));
      stratumSize.merge(stratum, 1L, Long::sum);
      clusterSize.merge(stratum + "\u0003" + o.clusterId(), 1L, Long::sum);
      forEachPair(present(o, allValues), pair -> {
        if (candidatePairs.contains(pair)) {
          pairCount.merge(stratum + "\u0003" + pair, 1L, Long::sum);
          if (support.containsKey(o.clusterId() + "\u0003" + pair)) {
            inBoth.merge(stratum + "\u0003" + o.clusterId() + "\u0003" + pair, 1L, Long::sum);
          }
        }
      });
    }
    List<Correlator.Candidate> candidates = new ArrayList<>();
    support.forEach((key, count) -> {
      if (count < properties.minSupport()) {
        return;
      }
      String cluster = key.substring(0, key.indexOf('\u0003'));
      String pair = key.substring(key.indexOf('\u0003') + 1);
      StratifiedTable table = new StratifiedTable();
      for (String stratum : stratumSize.keySet().stream().sorted().toList()) {
        table.add(inBoth.getOrDefault(stratum + "\u0003" + cluster + "\u0003" + pair, 0L),
            clusterSize.getOrDefault(stratum + "\u0003" + cluster, 0L),
            pairCount.getOrDefault(stratum + "\u0003" + pair, 0L), stratumSize.get(stratum));
      }
      if (table.expected() >= Correlator.MIN_EXPECTED) {
        String[] keys = pair.split("\u0002");
        candidates.add(new Correlator.Candidate(cluster, List.of(partByKey.get(keys[0]), partByKey.get(keys[1])), table));
      }
    });
    candidates.sort((a, b) -> (a.cluster() + a.key()).compareTo(b.cluster() + b.key()));
    return candidates;
  }

  /** The frequent values an observation has, in taxonomy order. */
  private List<String> present(Observation o, Set<String> values) {
    List<String> present = new ArrayList<>();
    for (Taxonomy.Dimension d : taxonomy.dimensions()) {
      String v = o.dimensions().get(d.name());
      if (v != null && values.contains(d.name() + "\u0001" + v)) {
        present.add(d.name() + "\u0001" + v);
      }
    }
    return present;
  }

  private static void forEachPair(List<String> values, java.util.function.Consumer<String> pair) {
    for (int i = 0; i < values.size(); i++) {
      for (int j = i + 1; j < values.size(); j++) {
        pair.accept(values.get(i) + "\u0002" + values.get(j));
      }
    }
  }
}
