package com.escalationrca.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class LatentSemanticsTest {

  /** Four problems of 30 words each; every narrative says its problem in 3 of them, so two rarely share one. */
  private static List<NarrativeDocument> sparseThemes(int perTheme, Map<Long, Integer> truth) {
    SplittableRandom random = new SplittableRandom(11);
    List<NarrativeDocument> documents = new ArrayList<>();
    long id = 1;
    for (int theme = 0; theme < 4; theme++) {
      for (int i = 0; i < perTheme; i++) {
        List<String> terms = new ArrayList<>();
        while (terms.size() < 3) {
          String word = "t" + theme + "w" + random.nextInt(30);
          if (!terms.contains(word)) {
            terms.add(word);
          }
        }
        truth.put(id, theme);
        documents.add(new NarrativeDocument(id++, "pt", terms, List.of()));
      }
    }
    return documents;
  }

  private static SparseVector unit(int dimensions, int... indices) {
    float[] values = new float[indices.length];
    java.util.Arrays.fill(values, (float) (1 / Math.sqrt(indices.length)));
    return new SparseVector(indices, values);
  }

  @Test
  void narrativesOfOneProblemThatShareNoWordComeOutAlike() {
    // Terms 0-5 are one problem's, 6-11 another's; narratives mix words within a problem only.
    List<SparseVector> points = new ArrayList<>();
    for (int a = 0; a < 6; a++) {
      for (int b = a + 1; b < 6; b++) {
        points.add(unit(12, a, b));
        points.add(unit(12, a + 6, b + 6));
      }
    }
    LatentSemantics semantics = LatentSemantics.fit(points.toArray(SparseVector[]::new), 12, 2, 42);

    float[] first = semantics.project(unit(12, 0, 1));
    float[] sameProblem = semantics.project(unit(12, 2, 3));
    float[] otherProblem = semantics.project(unit(12, 6, 7));
    assertThat(semantics.rank()).isEqualTo(2);
    assertThat(cosine(first, sameProblem)).isGreaterThan(0.99);
    assertThat(Math.abs(cosine(first, otherProblem))).isLessThan(0.01);
  }

  @Test
  void keepsOneProblemInOneClusterWhereTermVectorsFragmentIt() {
    Map<Long, Integer> truth = new HashMap<>();
    List<NarrativeDocument> documents = sparseThemes(80, truth);
    ClusterProperties terms = new ClusterProperties(2, 40, 4, 2, 0.5, 10_000, 30, 0.12, 4000, 42, 0.5, 0.85, 0.12, 0.5,
        0.3, 0.25);

    Clustering byTerms = new NarrativeClusterer(terms).cluster(documents);
    Clustering latent = new NarrativeClusterer(terms.withLatentDimensions(8)).cluster(documents);

    assertThat(byTerms.clusters().size()).isGreaterThan(8);
    assertThat(latent.clusters()).hasSize(4);
    Map<String, Map<Integer, Long>> themesPerCluster = latent.assignments().entrySet().stream()
        .filter(e -> !e.getValue().clusterId().equals(Cluster.UNCLUSTERED))
        .collect(Collectors.groupingBy(e -> e.getValue().clusterId(),
            Collectors.groupingBy(e -> truth.get(e.getKey()), Collectors.counting())));
    themesPerCluster.values().forEach(themes -> assertThat(themes).hasSize(1));
  }

  private static double cosine(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    return dot / Math.sqrt(na * nb);
  }
}
