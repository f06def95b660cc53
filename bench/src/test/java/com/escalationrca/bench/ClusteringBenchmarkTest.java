package com.escalationrca.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.escalationrca.TestFolders;
import com.escalationrca.cluster.ClusterProperties;
import org.junit.jupiter.api.Test;

class ClusteringBenchmarkTest {

  @Test
  void scoresTheNightlyJobsOwnClustersAndOursRecoversGeneratedThemesBetterThanOnTermsAloneAndThanTheBaseline()
      throws Exception {
    Path dir = TestFolders.temporary("rca-bench-clustering-");
    LabelledCorpus corpus = new BenchmarkCorpora(Files.createDirectories(dir.resolve("corpora"))).generated(2000, 4);
    ClusterProperties properties = new ClusterProperties(4, 120, 8, 3, 0.4, 20000, 25, 0.12, 20000, 42, 0.5, 0.85, 0.12, 0.5, 0.3, 0.25);
    NightClustering nights = new NightClustering(dir.resolve("nights"));

    ClusteringBenchmark.Result result = new ClusteringBenchmark(properties, nights).score(corpus, false, 4, 5);

    // The night embeds the English narratives (config/application.yml), about half of the corpus.
    assertThat(result.embedded()).isBetween(700L, 1400L);
    assertThat(result.scores()).extracting(ClusteringBenchmark.Score::method).containsExactly(
        "ours: the nightly job (embeddings + terms)", "ours: the nightly job, terms only", "baseline TF-IDF k-means (k = 19)");
    assertThat(result.scores()).allSatisfy(s -> {
      assertThat(s.documents()).isEqualTo(2000);
      assertThat(s.quality().nmi()).isBetween(0.0, 1.0);
      assertThat(s.peakHeapBytes()).isPositive();
    });
    // 16 themes and 3 planted causes in 3 languages: ours, with or without embeddings, far ahead of the baseline.
    assertThat(result.scores().get(0).quality().nmi()).isGreaterThan(result.scores().get(2).quality().nmi() + 0.15);
    assertThat(result.scores().get(1).quality().nmi()).isGreaterThan(result.scores().get(2).quality().nmi() + 0.15);
    // The benchmark's figure is the night's: the same NMI from the assignments.csv the run published.
    Map<String, String> published = new HashMap<>();
    Files.readAllLines(result.report().resolve("assignments.csv")).stream().skip(1)
        .map(l -> l.split(",")).forEach(p -> published.put(p[0], p[1]));
    List<String> ids = List.copyOf(corpus.narratives().keySet());
    Map<String, String> themes = corpus.golds().values().iterator().next();
    assertThat(ClusteringQuality.of(ids.stream().map(themes::get).toList(), ids.stream().map(published::get).toList()).nmi())
        .isCloseTo(result.scores().get(0).quality().nmi(), org.assertj.core.data.Offset.offset(1e-9));
    assertThat(result.largestLabels()).hasSize(5).allSatisfy(l -> assertThat(l).matches(".+ \\(\\d+\\)"));
    nights.clean();
  }
}
