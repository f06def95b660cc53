package com.escalationrca.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.escalationrca.cluster.ClusterProperties;
import com.escalationrca.nlpmodels.NlpModels;
import org.junit.jupiter.api.Test;

class ClusteringBenchmarkTest {

  @Test
  void scoresBothMethodsAndOursRecoversGeneratedThemesBetterThanTheBaseline() {
    ClusteringBenchmark.Corpus corpus = new BenchmarkCorpora(NlpModels.load()).generated(3000, 4);
    ClusterProperties properties = new ClusterProperties(4, 80, 8, 3, 0.4, 20000, 25, 0.12, 4000, 42, 0.5, 0.02, 0.85);

    List<ClusteringBenchmark.Score> scores = new ClusteringBenchmark(properties).score(corpus);

    assertThat(scores).hasSize(2).allSatisfy(s -> {
      assertThat(s.documents()).isEqualTo(3000);
      assertThat(s.quality().nmi()).isBetween(0.0, 1.0);
      assertThat(s.peakHeapBytes()).isPositive();
    });
    assertThat(scores.get(0).quality().nmi()).isGreaterThan(scores.get(1).quality().nmi());
  }
}
