package com.escalationrca.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class NarrativeClustererTest {

  private static final Map<String, List<String>> THEMES = Map.of(
      "doxxing", List.of("home", "address", "posted", "street", "photo", "house", "school", "kids"),
      "crypto", List.of("crypto", "giveaway", "bot", "bitcoin", "scam", "wallet", "doubling", "link"),
      "parody", List.of("parody", "satire", "label", "bio", "suspended", "impersonation", "fan", "account"),
      "election", List.of("election", "vote", "polling", "date", "moved", "voter", "official", "text"));
  private static final List<String> COMMON = List.of("user", "report", "review", "please", "team", "case");

  private static ClusterProperties properties(int minClusterSize, double minSimilarity) {
    return properties(minClusterSize, minSimilarity, 0.85);
  }

  private static ClusterProperties properties(int minClusterSize, double minSimilarity, double nearDuplicates) {
    return new ClusterProperties(2, 12, minClusterSize, 2, 0.5, 10_000, 30, minSimilarity, 4000, 42, 0.5, nearDuplicates, 0.12, 0.5, 0.3, 0.25);
  }

  /** Documents of 6 theme words and 2 common words, drawn at random. */
  private static List<NarrativeDocument> themed(int perTheme, Map<Long, String> truth, long firstId) {
    SplittableRandom random = new SplittableRandom(3);
    List<NarrativeDocument> documents = new ArrayList<>();
    long id = firstId;
    for (String theme : THEMES.keySet().stream().sorted().toList()) {
      for (int i = 0; i < perTheme; i++) {
        List<String> terms = new ArrayList<>();
        for (int w = 0; w < 6; w++) {
          terms.add(THEMES.get(theme).get(random.nextInt(8)));
        }
        terms.add(COMMON.get(random.nextInt(COMMON.size())));
        terms.add(COMMON.get(random.nextInt(COMMON.size())));
        truth.put(id, theme);
        documents.add(new NarrativeDocument(id++, "en", terms,
            List.of(THEMES.get(theme).get(0) + " " + THEMES.get(theme).get(1))));
      }
    }
    return documents;
  }

  @Test
  void recoversWellSeparatedThemesAndChoosesTheirNumber() {
    Map<Long, String> truth = new HashMap<>();
    Clustering clustering = new NarrativeClusterer(properties(8, 0.1)).cluster(themed(60, truth, 1));

    assertThat(clustering.clusters()).hasSize(4);
    Map<String, Map<String, Long>> themesPerCluster = clustering.assignments().entrySet().stream()
        .collect(Collectors.groupingBy(e -> e.getValue().clusterId(),
            Collectors.groupingBy(e -> truth.get(e.getKey()), Collectors.counting())));
    themesPerCluster.values().forEach(themes -> assertThat(themes).hasSize(1));
  }

  @Test
  void labelsAClusterWithAKeyPhraseOfItsTheme() {
    Map<Long, String> truth = new HashMap<>();
    Clustering clustering = new NarrativeClusterer(properties(8, 0.1)).cluster(themed(60, truth, 1));

    assertThat(clustering.clusters()).extracting(Cluster::label)
        .containsExactlyInAnyOrder("home address", "crypto giveaway", "parody satire", "election vote");
    clustering.clusters().forEach(c -> assertThat(c.topTerms()).isNotEmpty());
  }

  @Test
  void copyPastedTemplatesDoNotFormAClusterOfTheirOwn() {
    Map<Long, String> truth = new HashMap<>();
    List<NarrativeDocument> documents = new ArrayList<>(themed(40, truth, 1));
    // 200 copies of one template: alone they would outnumber every real theme.
    for (long id = 10_000; id < 10_200; id++) {
      documents.add(new NarrativeDocument(id, "en",
          List.of("macro", "template", "closed", "ticket", "auto", "reply"), List.of("macro template")));
    }
    Clustering clustering = new NarrativeClusterer(properties(8, 0.1)).cluster(documents);

    assertThat(clustering.clusters()).noneMatch(c -> c.label().contains("macro"));
    assertThat(clustering.assignments().get(10_000L).clusterId()).isEqualTo(Cluster.UNCLUSTERED);
  }

  @Test
  void nearDuplicateTemplatesDoNotFormAClusterOfTheirOwnEither() {
    Map<Long, String> truth = new HashMap<>();
    List<NarrativeDocument> documents = new ArrayList<>(themed(40, truth, 1));
    // 120 pastes of one 30-word template, each missing one word and ending with one of ten
    // sign-offs: almost all distinct, any two a near-duplicate (Jaccard at least 28/32).
    SplittableRandom random = new SplittableRandom(11);
    for (long id = 10_000; id < 10_120; id++) {
      List<String> terms = new ArrayList<>();
      int dropped = random.nextInt(30);
      for (int w = 0; w < 30; w++) {
        if (w != dropped) {
          terms.add("macro" + (char) ('a' + w % 26) + (w / 26));
        }
      }
      terms.add("signoff" + (char) ('a' + random.nextInt(10)));
      documents.add(new NarrativeDocument(id, "en", terms, List.of("macro template")));
    }
    Clustering clustering = new NarrativeClusterer(properties(8, 0.1)).cluster(documents);

    assertThat(clustering.clusters()).noneMatch(c -> c.label().contains("macro"));
    assertThat(clustering.assignments().get(10_000L).clusterId()).isEqualTo(Cluster.UNCLUSTERED);
  }

  @Test
  void narrativesUnlikeAnyThemeGoToTheUnclusteredBucket() {
    Map<Long, String> truth = new HashMap<>();
    List<NarrativeDocument> documents = new ArrayList<>(themed(50, truth, 1));
    documents.add(new NarrativeDocument(99_999, "en", List.of("zebra", "quantum"), List.of()));
    documents.add(new NarrativeDocument(99_998, "en", List.of(), List.of()));
    Clustering clustering = new NarrativeClusterer(properties(8, 0.2)).cluster(documents);

    assertThat(clustering.assignments().get(99_999L).clusterId()).isEqualTo(Cluster.UNCLUSTERED);
    assertThat(clustering.assignments().get(99_998L).clusterId()).isEqualTo(Cluster.UNCLUSTERED);
    assertThat(clustering.assignments()).hasSize(documents.size());
  }

  @Test
  void clusteringTheSameDocumentsTwiceGivesTheSameResult() {
    List<NarrativeDocument> documents = themed(30, new HashMap<>(), 1);
    Clustering first = new NarrativeClusterer(properties(8, 0.1)).cluster(documents);
    Clustering second = new NarrativeClusterer(properties(8, 0.1)).cluster(documents);

    assertThat(second.assignments()).isEqualTo(first.assignments());
    assertThat(Arrays.deepToString(second.clusters().stream().map(Cluster::label).toArray()))
        .isEqualTo(Arrays.deepToString(first.clusters().stream().map(Cluster::label).toArray()));
  }

  @Test
  void membersOfATooSmallClusterSettleInTheClusterTheyAreMostLikeInsteadOfTheBucket() {
    // 10 points round (1, 0, 0), 10 round (0, 1, 0), and 3 at (0.8, 0, 0.6): a cluster of their
    // own, too small to keep, but on average they are like the first cluster.
    List<SparseVector> points = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      points.add(unit(1, 0.01 * i, 0));
      points.add(unit(0.01 * i, 1, 0));
    }
    for (int i = 0; i < 3; i++) {
      points.add(unit(0.8, 0, 0.6 + 0.01 * i));
    }
    SparseVector[] array = points.toArray(SparseVector[]::new);
    int[] cluster = new int[array.length];
    for (int p = 0; p < array.length; p++) {
      cluster[p] = p >= 20 ? 2 : p % 2;
    }
    int[] sizes = new int[array.length];
    java.util.Arrays.fill(sizes, 1);

    new NarrativeClusterer(properties(8, 0.12)).settleSmallClusters(array, sizes, cluster, 3, 3);

    for (int p = 20; p < 23; p++) {
      assertThat(cluster[p]).isEqualTo(cluster[0]);
    }
    assertThat(cluster[1]).isEqualTo(1);
  }

  @Test
  void microClustersMergeWhileTheirMembersStayAlikeOnAverage() {
    // Micro-clusters 0 and 1 are two phrasings of one problem (mean cosine 0.8); 2 is another
    // problem (mean cosine to them 0).
    SparseVector[] points = {unit(1, 0, 0), unit(1, 0.1, 0), unit(0.8, 0.6, 0), unit(0.8, 0.5, 0),
        unit(0, 0, 1), unit(0, 0.1, 1)};
    int[] micro = {0, 0, 1, 1, 2, 2};

    int[] merged = AverageLinkage.merge(points, micro, 3, 3, 0.5);

    assertThat(merged).containsExactly(0, 0, 1);
    // Above every pair's mean cosine nothing merges.
    assertThat(AverageLinkage.merge(points, micro, 3, 3, 0.99)).containsExactly(0, 1, 2);
  }

  @Test
  void partsOfLastNightsClusterStayTogetherAndPartsOfTwoStayApart() {
    // Micro-clusters 0 and 1: mean cosine 0.85.
    SparseVector[] points = {unit(1, 0, 0), unit(1, 0.1, 0), unit(0.8, 0.6, 0), unit(0.8, 0.5, 0)};
    int[] micro = {0, 0, 1, 1};

    // At 0.9 they stay apart from scratch, but were one cluster last night: they merge down to 0.675.
    assertThat(AverageLinkage.merge(points, micro, 2, 3, 0.9)).containsExactly(0, 1);
    assertThat(AverageLinkage.merge(points, micro, 2, 3, 0.9, new int[] {7, 7}, 0.25)).containsExactly(0, 0);
    // At 0.8 they merge from scratch, or with one part new; from two of last night's clusters they
    // need 1.0.
    assertThat(AverageLinkage.merge(points, micro, 2, 3, 0.8)).containsExactly(0, 0);
    assertThat(AverageLinkage.merge(points, micro, 2, 3, 0.8, new int[] {7, 0}, 0.25)).containsExactly(0, 0);
    assertThat(AverageLinkage.merge(points, micro, 2, 3, 0.8, new int[] {7, 9}, 0.25)).containsExactly(0, 1);
  }

  @Test
  void lastNightsClustersDecideWhatTonightsWordsLeaveInDoubt() {
    List<NarrativeDocument> documents = twoPhrasings(40, 1);
    long[] ids = documents.stream().mapToLong(NarrativeDocument::escalationId).toArray();
    int[] oneCluster = new int[ids.length];
    Arrays.fill(oneCluster, 5);
    int[] twoClusters = oneCluster.clone();
    Arrays.fill(twoClusters, 40, 80, 6);
    // The two phrasings' members are alike on average at between 0.15 and 0.2.
    NarrativeClusterer at020 = new NarrativeClusterer(mergingAt(0.20));
    NarrativeClusterer at015 = new NarrativeClusterer(mergingAt(0.15));

    assertThat(at020.cluster(documents).clusters()).hasSize(2);
    assertThat(at020.cluster(documents, TermStatistics.WINDOW_ONLY, new PreviousAssignments(ids, oneCluster))
        .clusters()).hasSize(1);
    assertThat(at015.cluster(documents).clusters()).hasSize(1);
    assertThat(at015.cluster(documents, TermStatistics.WINDOW_ONLY, new PreviousAssignments(ids, twoClusters))
        .clusters()).hasSize(2);
    // Last night unknown (every escalation new): from scratch.
    assertThat(at015.cluster(documents, TermStatistics.WINDOW_ONLY, PreviousAssignments.NONE).clusters()).hasSize(1);
  }

  private static ClusterProperties mergingAt(double mergeSimilarity) {
    return new ClusterProperties(2, 12, 5, 2, 0.9, 10_000, 30, 0.05, 4000, 42, 0.5, 0.85, mergeSimilarity, 0.5, 0.3, 0.25);
  }

  /** One problem written two ways: three words in common, five of each phrasing's own. */
  private static List<NarrativeDocument> twoPhrasings(int perPhrasing, long firstId) {
    List<String> shared = List.of("home", "address", "posted");
    List<List<String>> own = List.of(List.of("street", "photo", "house", "school", "kids"),
        List.of("map", "location", "neighbour", "gps", "pinned"));
    SplittableRandom random = new SplittableRandom(5);
    List<NarrativeDocument> documents = new ArrayList<>();
    long id = firstId;
    for (List<String> words : own) {
      for (int i = 0; i < perPhrasing; i++) {
        List<String> terms = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
          terms.add(shared.get(random.nextInt(shared.size())));
          terms.add(words.get(random.nextInt(words.size())));
        }
        documents.add(new NarrativeDocument(id++, "en", terms, List.of("home address")));
      }
    }
    return documents;
  }

  private static SparseVector unit(double x, double y, double z) {
    double norm = Math.sqrt(x * x + y * y + z * z);
    return new SparseVector(new int[] {0, 1, 2}, new float[] {(float) (x / norm), (float) (y / norm), (float) (z / norm)});
  }
}
