package com.escalationrca.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class NearDuplicatesTest {

  private static SparseVector vector(int... indices) {
    float[] values = new float[indices.length];
    java.util.Arrays.fill(values, (float) (1 / Math.sqrt(indices.length)));
    return new SparseVector(indices, values);
  }

  @Test
  void jaccardIsSharedFeaturesOverAllFeatures() {
    // {1..10} and {1..9, 11}: 9 shared of 11 in all.
    assertThat(NearDuplicates.jaccard(IntStream.rangeClosed(1, 10).toArray(),
        new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 11})).isCloseTo(9.0 / 11, within(1e-12));
    assertThat(NearDuplicates.jaccard(new int[] {1, 2}, new int[] {3, 4})).isZero();
  }

  @Test
  void groupsTemplatesThatDifferInOneWordAndKeepsDifferentNarrativesApart() {
    int[] template = IntStream.rangeClosed(1, 10).toArray();
    SparseVector[] vectors = new SparseVector[30];
    for (int i = 0; i < 20; i++) {
      int[] withSignOff = java.util.Arrays.copyOf(template, 11);
      withSignOff[10] = 100 + i % 5; // one of five sign-offs: Jaccard 10/12 between any two
      vectors[i] = vector(withSignOff);
    }
    for (int i = 20; i < 30; i++) {
      vectors[i] = vector(200 + 3 * i, 201 + 3 * i, 202 + 3 * i, 5); // unrelated, sharing one word
    }

    int[] groups = new NearDuplicates(0.8, 42).groups(vectors);

    assertThat(IntStream.range(0, 20).map(i -> groups[i]).distinct().toArray()).containsExactly(0);
    assertThat(IntStream.range(20, 30).map(i -> groups[i]).distinct().count()).isEqualTo(10);
  }
}
