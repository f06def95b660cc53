package com.escalationrca.cluster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Names clusters with the key phrase that is most particular to each, by class-based TF-IDF
 * (Grootendorst, BERTopic 2022): a phrase's share of the cluster's documents times
 * ln(1 + average phrases per cluster / the phrase's frequency in all clusters). A phrase must occur
 * in at least a tenth of the cluster (and twice) to name it; otherwise the top terms do. No two
 * clusters get the same label.
 */
final class ClusterLabeler {

  private static final double MIN_SHARE = 0.10;

  /** @param members per cluster, the phrases of each member document */
  List<String> label(List<List<List<String>>> members, List<List<String>> topTerms) {
    List<Map<String, Integer>> frequency = new ArrayList<>();
    Map<String, Integer> total = new HashMap<>();
    long phraseCount = 0;
    for (List<List<String>> cluster : members) {
      Map<String, Integer> f = new HashMap<>();
      for (List<String> phrases : cluster) {
        for (String phrase : new HashSet<>(phrases)) {
          f.merge(phrase, 1, Integer::sum);
          total.merge(phrase, 1, Integer::sum);
          phraseCount++;
        }
      }
      frequency.add(f);
    }
    double average = members.isEmpty() ? 1 : (double) phraseCount / members.size();
    List<String> labels = new ArrayList<>();
    // Two clusters never read the same: in the given order (largest first), each takes its best
    // phrase no earlier cluster took ("caixa eletrônico" once, the next one by its own next phrase).
    Set<String> taken = new HashSet<>();
    for (int index = 0; index < members.size(); index++) {
      int c = index;
      int size = members.get(c).size();
      int minimum = Math.max(2, (int) Math.ceil(MIN_SHARE * size));
      List<String> ranked = frequency.get(c).entrySet().stream()
          .filter(e -> e.getValue() >= minimum)
          .sorted(Comparator.<Map.Entry<String, Integer>>comparingDouble(e ->
                  -(double) e.getValue() / size * Math.log(1 + average / total.get(e.getKey())))
              .thenComparing(Map.Entry::getKey))
          .map(Map.Entry::getKey).toList();
      String terms = String.join(" / ", topTerms.get(c).subList(0, Math.min(3, topTerms.get(c).size())));
      String label = ranked.stream().filter(p -> !taken.contains(p)).findFirst()
          .orElse(ranked.isEmpty() || !taken.contains(ranked.get(0)) ? terms : ranked.get(0) + " · " + terms);
      taken.add(label);
      labels.add(label);
    }
    return labels;
  }
}
