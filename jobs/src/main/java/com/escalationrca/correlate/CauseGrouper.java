package com.escalationrca.correlate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.escalationrca.cluster.Cluster;

/**
 * One cause, one entry. Findings describe the same cause when they hold the same values about the
 * same kind of escalations (one problem found in several clusters, or as both a concentration and a
 * surge: their escalations are mostly under the same policy), or when they pick out mostly the same
 * escalations: at least {@link #OVERLAP} of the smaller one's escalations are in the other's and
 * their values do not clash (a policy-level finding and the cluster-level findings inside it).
 * Causes are numbered by their best finding's rank, and each names the clusters that carry its
 * escalations.
 */
final class CauseGrouper {

  static final double OVERLAP = 0.5;
  /** How many carrying clusters a cause names. */
  private static final int CARRIERS = 3;

  /** The findings, each with its cause number, and the causes in order. */
  record Grouped(List<Finding> findings, List<Cause> causes) {
  }

  private final List<Observation> window;
  private final FindingMembers members;
  private final Map<String, String> clusterLabels;
  private final List<String> kinds;

  /** @param kinds the dimensions that say what kind of escalation it is (the population dimensions: policy) */
  CauseGrouper(List<Observation> window, LocalDate firstRecentDay, Map<String, String> clusterLabels,
               List<String> kinds) {
    this.window = window;
    this.members = new FindingMembers(window, firstRecentDay);
    this.clusterLabels = clusterLabels;
    this.kinds = List.copyOf(kinds);
  }

  Grouped group(List<Finding> ranked) {
    int n = ranked.size();
    List<BitSet> positions = ranked.stream().map(members::positions).toList();
    List<List<String>> kindOf = positions.stream().map(this::dominantKinds).toList();
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        if (sameCause(ranked.get(i), ranked.get(j), positions.get(i), positions.get(j), kindOf.get(i).equals(kindOf.get(j)))) {
          parent[root(parent, j)] = root(parent, i);
        }
      }
    }
    // Roots are the lowest index of each group, i.e. the best-ranked finding: causes come in rank order.
    Map<Integer, List<Integer>> groups = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      groups.computeIfAbsent(root(parent, i), r -> new ArrayList<>()).add(i);
    }
    List<Cause> causes = new ArrayList<>();
    Finding[] numbered = new Finding[n];
    for (List<Integer> group : groups.values()) {
      int id = causes.size() + 1;
      BitSet union = new BitSet(window.size());
      group.forEach(i -> union.or(positions.get(i)));
      group.forEach(i -> numbered[i] = ranked.get(i).inCause(id));
      List<String> ids = new ArrayList<>(union.cardinality());
      union.stream().forEach(i -> ids.add(window.get(i).externalId()));
      causes.add(new Cause(id, group.stream().map(i -> ranked.get(i).rank()).toList(), union.cardinality(),
          carriers(union), List.of(), ids));
    }
    return new Grouped(List.of(numbered), causes);
  }

  private static int root(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private static boolean sameCause(Finding a, Finding b, BitSet inA, BitSet inB, boolean sameKind) {
    if (sameKind && !a.dimension().isEmpty() && a.dimension().equals(b.dimension()) && a.value().equals(b.value())) {
      return true;
    }
    Map<String, String> valuesA = Finding.values(a.dimension(), a.value());
    Map<String, String> valuesB = Finding.values(b.dimension(), b.value());
    for (Map.Entry<String, String> e : valuesA.entrySet()) {
      String other = valuesB.get(e.getKey());
      if (other != null && !other.equals(e.getValue())) {
        return false;
      }
    }
    BitSet both = (BitSet) inA.clone();
    both.and(inB);
    int smaller = Math.min(inA.cardinality(), inB.cardinality());
    return smaller > 0 && both.cardinality() >= OVERLAP * smaller;
  }

  /** The most common value of each kind dimension among a finding's escalations. */
  private List<String> dominantKinds(BitSet positions) {
    List<String> dominant = new ArrayList<>(kinds.size());
    for (String kind : kinds) {
      Map<String, Integer> counts = new HashMap<>();
      positions.stream().forEach(i -> counts.merge(String.valueOf(window.get(i).dimensions().get(kind)), 1, Integer::sum));
      dominant.add(counts.entrySet().stream()
          .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
          .map(Map.Entry::getKey).orElse(""));
    }
    return dominant;
  }

  /** The clusters holding most of the cause's escalations, most first. */
  private List<Cause.Carrier> carriers(BitSet union) {
    Map<String, Long> counts = new HashMap<>();
    union.stream().forEach(i -> counts.merge(window.get(i).clusterId(), 1L, Long::sum));
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(CARRIERS)
        .map(e -> new Cause.Carrier(e.getKey(), e.getKey().equals(Cluster.UNCLUSTERED) ? "not clustered"
            : clusterLabels.getOrDefault(e.getKey(), e.getKey()), e.getValue()))
        .toList();
  }
}
