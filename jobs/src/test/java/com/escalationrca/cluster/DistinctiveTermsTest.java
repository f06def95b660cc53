package com.escalationrca.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;

class DistinctiveTermsTest {

  private static NarrativeDocument document(long id, String... terms) {
    return new NarrativeDocument(id, "en", List.of(terms), List.of());
  }

  @Test
  void wordsEveryEscalationUsesWeighLittleAndAOneOffDoesNotCount() {
    List<NarrativeDocument> cause = List.of(
        document(1, "report", "autopay", "charge", "twice"),
        document(2, "report", "autopay", "charge"),
        document(3, "report", "autopay", "refund"),
        document(4, "report", "charge", "oddity"));
    // The index has seen "report" in nearly every escalation and "autopay" in few.
    TermStatistics index = (surface, language) -> switch (surface) {
      case "report" -> OptionalDouble.of(1.01);
      case "autopay" -> OptionalDouble.of(6.0);
      case "charge" -> OptionalDouble.of(3.0);
      default -> OptionalDouble.empty();
    };

    List<String> terms = DistinctiveTerms.of(cause, index, 3);

    assertThat(terms).containsExactly("autopay", "charge", "report");
    assertThat(DistinctiveTerms.of(cause, index, 10)).doesNotContain("oddity", "twice", "refund");
    assertThat(DistinctiveTerms.of(List.of(), index, 3)).isEmpty();
  }
}
