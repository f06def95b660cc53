package com.escalationrca.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.escalationrca.cluster.ClusterProperties;
import com.escalationrca.embed.EmbedProperties;
import com.escalationrca.nlpmodels.NlpModels;
import org.junit.jupiter.api.Test;

class ClusteringBenchmarkTest {

  @Test
  void scoresEachMethodAndOursRecoversGeneratedThemesBetterThanOnTermsAloneAndThanTheBaseline() {
    BenchAnalysis analysis = new BenchAnalysis(NlpModels.load(), new EmbedProperties("all-minilm-l6-v2-q", List.of("en"), 2));
    ClusteringBenchmark.Corpus corpus = new BenchmarkCorpora(analysis).generated(3000, 4);
    ClusterProperties properties = new ClusterProperties(4, 120, 8, 3, 0.4, 20000, 25, 0.12, 20000, 42, 0.5, 0.85, 0.12, 0.5, 0.3, 0.25);

    List<ClusteringBenchmark.Score> scores = new ClusteringBenchmark(properties).score(corpus);

    assertThat(analysis.embedded()).isBetween(1000L, 2000L);
    assertThat(scores).extracting(ClusteringBenchmark.Score::method).containsExactly(
        "ours (embeddings + terms, merged)", "ours, terms only (merged)", "baseline TF-IDF k-means (k = 17)");
    assertThat(scores).allSatisfy(s -> {
      assertThat(s.documents()).isEqualTo(3000);
      assertThat(s.quality().nmi()).isBetween(0.0, 1.0);
      assertThat(s.peakHeapBytes()).isPositive();
    });
    assertThat(scores.get(0).quality().nmi()).isGreaterThan(scores.get(1).quality().nmi())
        .isGreaterThan(scores.get(2).quality().nmi());
  }
}
