package com.escalationrca.cluster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The terms that weigh most in a set of narratives, such as a cause's escalations: their TF-IDF
 * vectors summed, with the idf of the search index where it knows a term, so that words every
 * escalation uses weigh little and the words particular to the set lead. A term must occur in two
 * of the narratives to count (one narrative's oddity does not describe a cause).
 */
public final class DistinctiveTerms {

  private static final int MIN_DOCUMENTS = 2;
  private static final int VOCABULARY = 20_000;

  private DistinctiveTerms() {
  }

  public static List<String> of(List<NarrativeDocument> documents, TermStatistics statistics, int limit) {
    if (documents.isEmpty()) {
      return List.of();
    }
    TermVectors vectors = TermVectors.build(documents, MIN_DOCUMENTS, 1.0, VOCABULARY, statistics);
    double[] weight = new double[vectors.dimensions()];
    for (int d = 0; d < vectors.size(); d++) {
      vectors.vector(d).addTo(weight, 1.0);
    }
    List<String> terms = new ArrayList<>();
    IntStream.range(0, weight.length).boxed().filter(i -> weight[i] > 0)
        .sorted(Comparator.comparingDouble((Integer i) -> -weight[i]).thenComparing(vectors::display))
        .limit(limit).forEach(i -> terms.add(vectors.display(i)));
    return terms;
  }
}
