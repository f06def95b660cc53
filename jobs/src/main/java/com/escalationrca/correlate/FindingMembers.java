package com.escalationrca.correlate;

import java.time.LocalDate;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * The escalations behind a published finding: those of its cluster (of any cluster, for a finding
 * over all escalations) holding its values (and its words, for a rise of words); for a surge, only
 * those of the last days.
 */
public final class FindingMembers {

  private final List<Observation> window;
  private final LocalDate firstRecentDay;

  public FindingMembers(List<Observation> window, LocalDate firstRecentDay) {
    this.window = window;
    this.firstRecentDay = firstRecentDay;
  }

  public boolean covers(Finding f, Observation o, Map<String, String> values) {
    return covers(f.kind(), f.clusterId(), o, values);
  }

  private boolean covers(String kind, String clusterId, Observation o, Map<String, String> values) {
    if (!within(clusterId, o.clusterId())) {
      return false;
    }
    if (!kind.equals(Finding.CONCENTRATION) && o.day().isBefore(firstRecentDay)) {
      return false;
    }
    return holds(o, values);
  }

  /**
   * Is an escalation of cluster {@code escalationCluster} within a finding's cluster: every one for a
   * finding over all escalations, a member cluster for a group of related clusters ("C0003+C0007").
   */
  public static boolean within(String findingCluster, String escalationCluster) {
    if (findingCluster.equals(Population.ALL) || findingCluster.equals(escalationCluster)) {
      return true;
    }
    // Called for every escalation a finding's members are drawn from: a scan, not a split per call.
    int length = escalationCluster.length();
    for (int at = findingCluster.indexOf(escalationCluster); length > 0 && at >= 0;
         at = findingCluster.indexOf(escalationCluster, at + 1)) {
      int end = at + length;
      if ((at == 0 || findingCluster.startsWith(ClusterGroups.JOIN, at - 1))
          && (end == findingCluster.length() || findingCluster.startsWith(ClusterGroups.JOIN, end))) {
        return true;
      }
    }
    return false;
  }

  /** Does the escalation hold these published values ({@code words}: a word of its narrative)? */
  public static boolean holds(Observation o, Map<String, String> values) {
    for (Map.Entry<String, String> e : values.entrySet()) {
      boolean holds = e.getKey().equals(WordRises.DIMENSION) ? o.words().contains(e.getValue())
          : e.getValue().equals(o.dimensions().get(e.getKey()));
      if (!holds) {
        return false;
      }
    }
    return true;
  }

  /** The name a rise of the narratives' words is published under ({@code words ∧ vendor}). */
  public static final String WORDS = WordRises.DIMENSION;

  public List<Observation> of(Finding f) {
    return of(f.kind(), f.clusterId(), f.dimension(), f.value());
  }

  /** As {@link #of(Finding)}, for a finding as published (kind, cluster id, "vendor ∧ market", "A ∧ BR"). */
  public List<Observation> of(String kind, String clusterId, String dimension, String value) {
    Map<String, String> values = Finding.values(dimension, value);
    return window.stream().filter(o -> covers(kind, clusterId, o, values)).toList();
  }

  /** The finding's escalations as positions in the window. */
  BitSet positions(Finding f) {
    Map<String, String> values = Finding.values(f.dimension(), f.value());
    BitSet positions = new BitSet(window.size());
    for (int i = 0; i < window.size(); i++) {
      if (covers(f, window.get(i), values)) {
        positions.set(i);
      }
    }
    return positions;
  }
}
