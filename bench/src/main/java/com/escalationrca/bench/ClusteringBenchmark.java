package com.escalationrca.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.escalationrca.cluster.Cluster;
import com.escalationrca.cluster.ClusterProperties;
import com.escalationrca.cluster.Clustering;
import com.escalationrca.cluster.NarrativeClusterer;
import com.escalationrca.cluster.NarrativeDocument;

/**
 * Scores clustering methods on one labelled corpus: NMI, ARI and purity against the gold labels,
 * wall time, documents per second, and the peak heap used while the method ran. The narratives are
 * analysed once beforehand; every method gets the same analysed documents.
 */
public final class ClusteringBenchmark {

  /** A corpus: raw narratives, their analysed documents and, in the same order, gold labels. */
  public record Corpus(String name, List<String> texts, List<NarrativeDocument> documents, List<String> gold) {
  }

  /** One method's figures on one corpus. */
  public record Score(String corpus, String method, int documents, int clusters, ClusteringQuality quality,
                      double seconds, long peakHeapBytes) {

    public double documentsPerSecond() {
      return documents / Math.max(seconds, 1e-9);
    }
  }

  private final ClusterProperties properties;

  public ClusteringBenchmark(ClusterProperties properties) {
    this.properties = properties;
  }

  /**
   * Ours as configured (sentence embeddings for the languages {@code rca.embed} names, terms for the
   * rest), ours on terms alone, and the baseline; {@link #scoreAll} adds Carrot2 Lingo and Mallet LDA.
   */
  public List<Score> score(Corpus corpus) {
    List<Score> scores = new ArrayList<>();
    boolean embedded = corpus.documents().stream().anyMatch(d -> d.embedding() != null);
    scores.add(measure(corpus, embedded ? "ours (embeddings + terms, merged)" : "ours (terms, merged)",
        documents -> ours(documents)));
    if (embedded) {
      scores.add(measure(corpus, "ours, terms only (merged)", documents -> ours(documents.stream()
          .map(d -> new NarrativeDocument(d.escalationId(), d.language(), d.terms(), d.phrases())).toList())));
    }
    int k = (int) corpus.gold().stream().distinct().count();
    scores.add(measure(corpus, "baseline TF-IDF k-means (k = " + k + ")", documents -> {
      Map<Long, Integer> assignment = new KMeansBaseline(properties).cluster(documents, k);
      return documents.stream().map(d -> String.valueOf(assignment.get(d.escalationId()))).toList();
    }));
    return scores;
  }

  private List<String> ours(List<NarrativeDocument> documents) {
    Clustering clustering = new NarrativeClusterer(properties).cluster(documents);
    return documents.stream().map(d -> clustering.assignments().get(d.escalationId()).clusterId()).toList();
  }

  /** Our largest clusters' labels and sizes, largest first: what a program manager reads. */
  public List<String> largestLabels(Corpus corpus, int count) {
    return new NarrativeClusterer(properties).cluster(corpus.documents()).clusters().stream()
        .sorted(java.util.Comparator.comparingInt((com.escalationrca.cluster.Cluster c) -> -c.size()))
        .limit(count).map(c -> c.label() + " (" + c.size() + ")").toList();
  }

  /** Every method, the competitors working from the raw narratives as their documentation shows. */
  public List<Score> scoreAll(Corpus corpus, long seed) {
    List<Score> scores = new ArrayList<>(score(corpus));
    scores.add(measure(corpus, "Carrot2 Lingo (defaults, English)", documents -> new Carrot2Lingo().cluster(corpus.texts())));
    int k = (int) corpus.gold().stream().distinct().count();
    scores.add(measure(corpus, "Mallet LDA (k = " + k + ", 1000 iterations)",
        documents -> new MalletLda(MalletLda.DOCUMENTED_ITERATIONS).cluster(corpus.texts(), k, seed)));
    return scores;
  }

  private Score measure(Corpus corpus, String method, Function<List<NarrativeDocument>, List<String>> clusterer) {
    System.gc();
    heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    long started = System.nanoTime();
    List<String> predicted = clusterer.apply(corpus.documents());
    double seconds = (System.nanoTime() - started) / 1e9;
    long peak = heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    int clusters = (int) predicted.stream().filter(c -> !c.equals(Cluster.UNCLUSTERED)).distinct().count();
    return new Score(corpus.name(), method, predicted.size(), clusters, ClusteringQuality.of(corpus.gold(), predicted),
        seconds, peak);
  }

  private static List<MemoryPoolMXBean> heapPools() {
    return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
  }
}
