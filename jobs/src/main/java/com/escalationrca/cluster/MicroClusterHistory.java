package com.escalationrca.cluster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where tonight's micro-clusters' escalations were last night. k-means draws micro-clusters afresh
 * every night, and one may straddle two of last night's clusters; merged as a whole it would drag
 * half of one problem into another. So a micro-cluster whose escalations were mostly clustered last
 * night is split by last night's cluster: each cluster holding at least a quarter of its history
 * gets a part of its own, labelled with that cluster, and the rest (new escalations, small shares)
 * join the largest part. A micro-cluster of mostly new escalations stays whole and unlabelled: a
 * new problem is merged on its words alone.
 */
final class MicroClusterHistory {

  /** Parts of the micro-clusters: each point's part, how many parts, and each part's label (0: none). */
  record Parts(int[] assignment, int k, int[] labels) {
  }

  private MicroClusterHistory() {
  }

  /**
   * @param groups each point's documents (indices into {@code documents})
   * @param assignment each point's micro-cluster, 0 .. k − 1
   */
  static Parts split(List<List<Integer>> groups, int[] assignment, int k, List<NarrativeDocument> documents,
                     PreviousAssignments previous) {
    if (previous.isEmpty()) {
      return new Parts(assignment.clone(), k, new int[k]);
    }
    // Each point's label: last night's cluster of most of its documents (0: none).
    int[] pointLabel = new int[groups.size()];
    List<Map<Integer, Integer>> history = new ArrayList<>();
    int[] escalations = new int[k];
    for (int m = 0; m < k; m++) {
      history.add(new HashMap<>());
    }
    for (int p = 0; p < groups.size(); p++) {
      Map<Integer, Integer> counts = new HashMap<>();
      for (int d : groups.get(p)) {
        int number = previous.numberOf(documents.get(d).escalationId());
        if (number > 0) {
          counts.merge(number, 1, Integer::sum);
          history.get(assignment[p]).merge(number, 1, Integer::sum);
        }
      }
      escalations[assignment[p]] += groups.get(p).size();
      pointLabel[p] = largest(counts);
    }
    // Each micro-cluster's parts: label -> part number.
    List<Map<Integer, Integer>> parts = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    int[] mainPart = new int[k];
    for (int m = 0; m < k; m++) {
      Map<Integer, Integer> counts = history.get(m);
      int known = counts.values().stream().mapToInt(Integer::intValue).sum();
      Map<Integer, Integer> own = new HashMap<>();
      if (2 * known <= escalations[m]) {
        mainPart[m] = labels.size();
        labels.add(0);
      } else {
        int main = largest(counts);
        mainPart[m] = labels.size();
        own.put(main, labels.size());
        labels.add(main);
        for (var e : counts.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
          if (e.getKey() != main && 4 * e.getValue() >= known) {
            own.put(e.getKey(), labels.size());
            labels.add(e.getKey());
          }
        }
      }
      parts.add(own);
    }
    int[] part = new int[groups.size()];
    for (int p = 0; p < groups.size(); p++) {
      part[p] = parts.get(assignment[p]).getOrDefault(pointLabel[p], mainPart[assignment[p]]);
    }
    return new Parts(part, labels.size(), labels.stream().mapToInt(Integer::intValue).toArray());
  }

  /** The key with the largest count (the smaller key on ties), 0 for none. */
  private static int largest(Map<Integer, Integer> counts) {
    return counts.entrySet().stream()
        .max(Map.Entry.<Integer, Integer>comparingByValue()
            .thenComparing(Map.Entry::getKey, java.util.Comparator.reverseOrder()))
        .map(Map.Entry::getKey).orElse(0);
  }
}
