package com.escalationrca.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class ClusteringQualityTest {

  @Test
  void matchesScikitLearnOnItsDocumentedExample() {
    // sklearn: normalized_mutual_info_score([0,0,0,1,1,1],[0,0,1,1,2,2]) = 0.5158037429793889,
    // adjusted_rand_score(same) = 0.24242424242424246; purity by hand = (2 + 1 + 2) / 6.
    ClusteringQuality q = ClusteringQuality.of(List.of(0, 0, 0, 1, 1, 1), List.of(0, 0, 1, 1, 2, 2));

    assertThat(q.nmi()).isCloseTo(0.5158037429793889, within(1e-12));
    assertThat(q.ari()).isCloseTo(0.24242424242424246, within(1e-12));
    assertThat(q.purity()).isCloseTo(5.0 / 6, within(1e-12));
  }

  @Test
  void aPerfectClusteringScoresOneWhateverItsNames() {
    ClusteringQuality q = ClusteringQuality.of(List.of("a", "a", "b", "b"), List.of(7, 7, 3, 3));

    assertThat(q.nmi()).isCloseTo(1, within(1e-12));
    assertThat(q.ari()).isCloseTo(1, within(1e-12));
    assertThat(q.purity()).isEqualTo(1);
  }
}
