package com.escalationrca.cluster;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How tonight's clusters and last night's share escalations. Only escalations in both windows
 * count: {@code currentSeen[c]} of tonight's cluster c's members were in last night's window
 * (clustered or not), {@code previousPresent[p]} of last night's cluster p's members are in
 * tonight's (clustered or not), and {@code shared[c][p]} were in p then and are in c now.
 * Members decide only for clusters at least a quarter of whose members are common: a cluster of
 * mostly new escalations (a new problem), or one whose members have mostly left the window (a long
 * gap between runs), is matched by its words.
 */
public record Overlap(int[][] shared, int[] currentSeen, int[] previousPresent, int[] currentSize,
                      int[] previousSize) {

  /** No escalations in common known: identity falls back on signatures. */
  public static Overlap none(int current, int previous) {
    return new Overlap(new int[current][previous], new int[current], new int[previous], new int[current],
        new int[previous]);
  }

  /**
   * @param tonight tonight's clustering, before identity (provisional ids)
   * @param previous last night's clusters
   * @param before last night's assignments
   */
  public static Overlap of(Clustering tonight, List<ClusterIdentity.PreviousCluster> previous,
                           PreviousAssignments before) {
    Map<String, Integer> currentIndex = new HashMap<>();
    for (int c = 0; c < tonight.clusters().size(); c++) {
      currentIndex.put(tonight.clusters().get(c).id(), c);
    }
    Map<Integer, Integer> previousIndex = new HashMap<>();
    for (int p = 0; p < previous.size(); p++) {
      previousIndex.put(ClusterIdentity.number(previous.get(p).id()), p);
    }
    Overlap overlap = none(tonight.clusters().size(), previous.size());
    for (int c = 0; c < tonight.clusters().size(); c++) {
      overlap.currentSize[c] = tonight.clusters().get(c).size();
    }
    for (int p = 0; p < previous.size(); p++) {
      overlap.previousSize[p] = previous.get(p).size();
    }
    tonight.assignments().forEach((escalationId, assignment) -> {
      int number = before.numberOf(escalationId);
      if (number == PreviousAssignments.ABSENT) {
        return;
      }
      Integer p = number > 0 ? previousIndex.get(number) : null;
      Integer c = currentIndex.get(assignment.clusterId());
      if (p != null) {
        overlap.previousPresent[p]++;
      }
      if (c != null) {
        overlap.currentSeen[c]++;
        if (p != null) {
          overlap.shared[c][p]++;
        }
      }
    });
    return overlap;
  }

  /** Whether enough of both clusters' members are common for members, not words, to decide. */
  boolean known(int c, int p) {
    return currentSeen[c] > 0 && previousPresent[p] > 0
        && 4L * currentSeen[c] >= currentSize[c] && 4L * previousPresent[p] >= previousSize[p];
  }

  /** Most of one cluster's common members are in the other: one continues, absorbs or split from the other. */
  boolean linked(int c, int p) {
    return shared[c][p] > 0 && 2 * shared[c][p] >= Math.min(currentSeen[c], previousPresent[p]);
  }

  /** Jaccard similarity of the two clusters' common members. */
  double jaccard(int c, int p) {
    return (double) shared[c][p] / (currentSeen[c] + previousPresent[p] - shared[c][p]);
  }
}
