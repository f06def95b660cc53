package com.escalationrca.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;

class TermVectorsTest {

  private static final ClusterProperties PROPERTIES =
      new ClusterProperties(2, 12, 2, 1, 1.0, 10_000, 30, 0.1, 4000, 42, 0.5, 0.85, 0.12, 0.5, 0.3, 0.25);

  private static final List<NarrativeDocument> DOCUMENTS = List.of(
      new NarrativeDocument(1, "en", List.of("address", "post"), List.of()),
      new NarrativeDocument(2, "en", List.of("address", "photo"), List.of()),
      new NarrativeDocument(3, "en", List.of("crypto", "post"), List.of()));

  private static float weight(TermVectors vectors, int document, String feature) {
    SparseVector v = vectors.vector(document);
    for (int i = 0; i < v.indices().length; i++) {
      if (vectors.feature(v.indices()[i]).equals(feature)) {
        return v.values()[i];
      }
    }
    return 0;
  }

  @Test
  void termWeightsComeFromTheStatisticsWhereTheyKnowTheTerm() {
    // In the window "address" and "post" are equally common; over all history "address" is rare.
    TermStatistics history = (surface, language) -> surface.equals("address") ? OptionalDouble.of(6.0) : OptionalDouble.empty();

    TermVectors windowOnly = TermVectors.build(DOCUMENTS, PROPERTIES);
    TermVectors withHistory = TermVectors.build(DOCUMENTS, PROPERTIES, history);

    assertThat(weight(windowOnly, 0, "address")).isEqualTo(weight(windowOnly, 0, "post"));
    assertThat(weight(withHistory, 0, "address")).isGreaterThan(3 * weight(withHistory, 0, "post"));
  }
}
