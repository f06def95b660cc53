package com.escalationrca.correlate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.escalationrca.cluster.Cluster;
import com.escalationrca.ingest.Taxonomy;

/**
 * Pairs of dimension values (vendor ∧ market) within each cluster. A pair is tested when its
 * expected count, from the margins alone (Σ over strata of cluster size × pair count ÷ stratum
 * size), reaches {@link Correlator#MIN_EXPECTED}: like single values, pairs are not chosen by their
 * own counts, which keeps the run's Benjamini–Hochberg family honest. Counting is one pass over the
 * window with the 15 or so value pairs of each escalation, so the work grows with the data, not
 * with all possible combinations.
 */
final class CombinationFinder {

  private final CorrelateProperties properties;
  private final Taxonomy taxonomy;

  CombinationFinder(CorrelateProperties properties, Taxonomy taxonomy) {
    this.properties = properties;
    this.taxonomy = taxonomy;
  }

  List<Correlator.Candidate> pairs(List<Observation> observations) {
    Map<String, Correlator.Part> parts = new HashMap<>();
    for (Taxonomy.Dimension d : taxonomy.dimensions()) {
      if (d.isProfile()) {
        continue;
      }
      for (Observation o : observations) {
        String v = o.dimensions().get(d.name());
        if (v != null) {
          parts.putIfAbsent(d.name() + "\u0001" + v, new Correlator.Part(d, v));
        }
      }
    }
    Map<String, Long> stratumSize = new HashMap<>();
    Map<String, Long> clusterSize = new HashMap<>();
    Map<String, Long> pairCount = new HashMap<>();
    Map<String, Long> inCluster = new HashMap<>();
    TreeSet<String> clusters = new TreeSet<>();
    TreeSet<String> pairs = new TreeSet<>();
    for (Observation o : observations) {
      String stratum = String.valueOf(o.dimensions().get(properties.stratifyBy()));
      stratumSize.merge(stratum, 1L, Long::sum);
      clusterSize.merge(stratum + "\u0003" + o.clusterId(), 1L, Long::sum);
      if (!o.clusterId().equals(Cluster.UNCLUSTERED)) {
        clusters.add(o.clusterId());
      }
      List<String> present = present(o, parts);
      for (int i = 0; i < present.size(); i++) {
        for (int j = i + 1; j < present.size(); j++) {
          String pair = present.get(i) + "\u0002" + present.get(j);
          pairs.add(pair);
          pairCount.merge(stratum + "\u0003" + pair, 1L, Long::sum);
          inCluster.merge(stratum + "\u0003" + o.clusterId() + "\u0003" + pair, 1L, Long::sum);
        }
      }
    }
    List<String> strata = stratumSize.keySet().stream().sorted().toList();
    List<Correlator.Candidate> candidates = new ArrayList<>();
    for (String cluster : clusters) {
      for (String pair : pairs) {
        double expected = 0;
        for (String stratum : strata) {
          expected += (double) clusterSize.getOrDefault(stratum + "\u0003" + cluster, 0L)
              * pairCount.getOrDefault(stratum + "\u0003" + pair, 0L) / stratumSize.get(stratum);
        }
        if (expected < Correlator.MIN_EXPECTED) {
          continue;
        }
        StratifiedTable table = new StratifiedTable();
        for (String stratum : strata) {
          table.add(inCluster.getOrDefault(stratum + "\u0003" + cluster + "\u0003" + pair, 0L),
              clusterSize.getOrDefault(stratum + "\u0003" + cluster, 0L),
              pairCount.getOrDefault(stratum + "\u0003" + pair, 0L), stratumSize.get(stratum));
        }
        String[] keys = pair.split("\u0002");
        candidates.add(new Correlator.Candidate(cluster, List.of(parts.get(keys[0]), parts.get(keys[1])), table));
      }
    }
    return candidates;
  }

  /** The non-profile values an observation has, in taxonomy order. */
  private List<String> present(Observation o, Map<String, Correlator.Part> parts) {
    List<String> present = new ArrayList<>();
    for (Taxonomy.Dimension d : taxonomy.dimensions()) {
      String v = o.dimensions().get(d.name());
      if (v != null && parts.containsKey(d.name() + "\u0001" + v)) {
        present.add(d.name() + "\u0001" + v);
      }
    }
    return present;
  }
}
