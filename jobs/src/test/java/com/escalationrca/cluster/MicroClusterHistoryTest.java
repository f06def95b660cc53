package com.escalationrca.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class MicroClusterHistoryTest {

  /** Ten documents, one point each, ids 1..10. */
  private static final List<NarrativeDocument> DOCUMENTS = LongStream.rangeClosed(1, 10)
      .mapToObj(id -> new NarrativeDocument(id, "en", List.of("word"), List.of())).toList();
  private static final List<List<Integer>> POINTS = IntStream.range(0, 10).mapToObj(List::of).toList();

  private static PreviousAssignments lastNight(int... numbers) {
    List<Long> ids = new ArrayList<>();
    List<Integer> kept = new ArrayList<>();
    for (int i = 0; i < numbers.length; i++) {
      if (numbers[i] >= 0) {
        ids.add(i + 1L);
        kept.add(numbers[i]);
      }
    }
    return new PreviousAssignments(ids.stream().mapToLong(Long::longValue).toArray(),
        kept.stream().mapToInt(Integer::intValue).toArray());
  }

  @Test
  void aMicroClusterStraddlingTwoOfLastNightsClustersIsSplitAlongThem() {
    // One micro-cluster: 5 were in C0003, 4 in C0008, 1 is new (-1).
    int[] micro = new int[10];

    MicroClusterHistory.Parts parts = MicroClusterHistory.split(POINTS, micro, 1, DOCUMENTS,
        lastNight(3, 3, 3, 3, 3, 8, 8, 8, 8, -1));

    assertThat(parts.k()).isEqualTo(2);
    assertThat(parts.labels()).containsExactly(3, 8);
    // The new escalation joins the larger part.
    assertThat(parts.assignment()).containsExactly(0, 0, 0, 0, 0, 1, 1, 1, 1, 0);
  }

  @Test
  void smallSharesStayWithTheLargestPart() {
    // 8 in C0003, 1 in C0008 (under a quarter), 1 not clustered last night (0).
    MicroClusterHistory.Parts parts = MicroClusterHistory.split(POINTS, new int[10], 1, DOCUMENTS,
        lastNight(3, 3, 3, 3, 3, 3, 3, 3, 8, 0));

    assertThat(parts.k()).isEqualTo(1);
    assertThat(parts.labels()).containsExactly(3);
    assertThat(parts.assignment()).containsOnly(0);
  }

  @Test
  void aMicroClusterOfMostlyNewEscalationsStaysWholeAndUnlabelled() {
    // Micro-cluster 0: ids 1-5, all from C0003. Micro-cluster 1: ids 6-10, 4 new and 1 from C0008.
    int[] micro = {0, 0, 0, 0, 0, 1, 1, 1, 1, 1};

    MicroClusterHistory.Parts parts = MicroClusterHistory.split(POINTS, micro, 2, DOCUMENTS,
        lastNight(3, 3, 3, 3, 3, 8, -1, -1, -1, -1));

    assertThat(parts.labels()).containsExactly(3, 0);
    assertThat(parts.assignment()).containsExactly(micro);
  }

  @Test
  void withoutALastNightNothingChanges() {
    int[] micro = {0, 0, 1, 1, 1, 2, 2, 2, 2, 2};

    MicroClusterHistory.Parts parts = MicroClusterHistory.split(POINTS, micro, 3, DOCUMENTS, PreviousAssignments.NONE);

    assertThat(parts.assignment()).containsExactly(micro);
    assertThat(parts.labels()).containsOnly(0);
  }
}
