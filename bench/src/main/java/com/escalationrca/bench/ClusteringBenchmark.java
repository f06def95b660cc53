package com.escalationrca.bench;

import java.lang.management.MemoryPoolMXBean;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.escalationrca.cluster.Cluster;
import com.escalationrca.cluster.ClusterProperties;
import com.escalationrca.cluster.NarrativeDocument;

/**
 * Scores clustering methods on one labelled corpus: NMI, ARI and purity against each gold
 * labelling, wall time, documents per second, and the peak heap used while the method ran. Ours is
 * the nightly job itself ({@link NightClustering}): its figures are what a user of that night gets.
 * The baseline clusters the documents that night analysed; the competitors work from the raw
 * narratives, as their documentation shows.
 */
public final class ClusteringBenchmark {

  /** One method's figures on one corpus. */
  public record Score(String corpus, String method, int documents, int clusters, ClusteringQuality quality,
                      double seconds, long peakHeapBytes) {

    public double documentsPerSecond() {
      return documents / Math.max(seconds, 1e-9);
    }
  }

  /** The scores of every gold labelling, our night's largest clusters, how many narratives it embedded, its report. */
  public record Result(List<Score> scores, List<String> largestLabels, long embedded, java.nio.file.Path report) {
  }

  private final ClusterProperties properties;
  private final NightClustering nights;

  /** {@code properties}: the baseline's term settings, iterations and seed (config/application.yml's rca.cluster). */
  public ClusteringBenchmark(ClusterProperties properties, NightClustering nights) {
    this.properties = properties;
    this.nights = nights;
  }

  /**
   * Our night as configured and, when it embedded narratives, again on terms alone; the TF-IDF
   * k-means baseline given the true k; with {@code competitors}, Carrot2 Lingo and Mallet LDA.
   */
  public Result score(LabelledCorpus corpus, boolean competitors, long seed, int labelsShown) throws Exception {
    NightClustering.Night ours = nights.night(corpus, true);
    NightClustering.Night terms = ours.embedded() > 0 ? nights.night(corpus, false) : null;
    List<Score> scores = new ArrayList<>();
    for (Map.Entry<String, Map<String, String>> gold : corpus.golds().entrySet()) {
      // The escalations the night clustered that have a gold label, in file order.
      List<String> ids = corpus.narratives().keySet().stream()
          .filter(id -> gold.getValue().containsKey(id) && ours.assignments().containsKey(id)).toList();
      List<String> labels = ids.stream().map(gold.getValue()::get).toList();
      String name = gold.getKey();
      scores.add(nightScore(name, terms != null ? "ours: the nightly job (embeddings + terms)" : "ours: the nightly job (terms)",
          ours, ids, labels));
      if (terms != null) {
        scores.add(nightScore(name, "ours: the nightly job, terms only", terms, ids, labels));
      }
      int k = (int) labels.stream().distinct().count();
      List<NarrativeDocument> documents = ids.stream().map(ours.documents()::get).toList();
      scores.add(measure(name, "baseline TF-IDF k-means (k = " + k + ")", labels, () -> {
        Map<Long, Integer> assignment = new KMeansBaseline(properties).cluster(documents, k);
        return documents.stream().map(d -> String.valueOf(assignment.get(d.escalationId()))).toList();
      }));
      if (competitors) {
        List<String> texts = ids.stream().map(corpus.narratives()::get).toList();
        scores.add(measure(name, "Carrot2 Lingo (defaults, English)", labels, () -> new Carrot2Lingo().cluster(texts)));
        scores.add(measure(name, "Mallet LDA (k = " + k + ", 1000 iterations)", labels,
            () -> new MalletLda(MalletLda.DOCUMENTED_ITERATIONS).cluster(texts, k, seed)));
      }
    }
    return new Result(scores, largest(ours, labelsShown), ours.embedded(), ours.report());
  }

  private static Score nightScore(String corpus, String method, NightClustering.Night night, List<String> ids,
                                  List<String> gold) {
    List<String> predicted = ids.stream().map(night.assignments()::get).toList();
    return new Score(corpus, method, predicted.size(), clusters(predicted), ClusteringQuality.of(gold, predicted),
        night.clusterSeconds(), night.clusterPeakHeapBytes());
  }

  /** The night's largest clusters' labels and sizes, largest first: what a program manager reads. */
  private static List<String> largest(NightClustering.Night night, int count) {
    Map<String, Long> sizes = night.assignments().values().stream().filter(c -> !c.equals(Cluster.UNCLUSTERED))
        .collect(Collectors.groupingBy(c -> c, LinkedHashMap::new, Collectors.counting()));
    return sizes.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
            .thenComparing(Map.Entry.comparingByKey()))
        .limit(count).map(e -> night.labels().get(e.getKey()) + " (" + e.getValue() + ")").toList();
  }

  private static Score measure(String corpus, String method, List<String> gold, Supplier<List<String>> clusterer) {
    System.gc();
    NightClustering.heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    long started = System.nanoTime();
    List<String> predicted = clusterer.get();
    double seconds = (System.nanoTime() - started) / 1e9;
    long peak = NightClustering.heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    return new Score(corpus, method, predicted.size(), clusters(predicted), ClusteringQuality.of(gold, predicted),
        seconds, peak);
  }

  private static int clusters(List<String> predicted) {
    return (int) predicted.stream().filter(c -> c != null && !c.equals(Cluster.UNCLUSTERED)).distinct().count();
  }
}
