package com.escalationrca.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

import com.escalationrca.generate.EscalationGenerator;
import com.escalationrca.generate.GeneratedEscalation;
import com.escalationrca.generate.GeneratorSpec;
import com.escalationrca.index.EscalationIndex;
import com.escalationrca.index.EscalationSearcher;
import com.escalationrca.index.IndexedEscalation;
import com.escalationrca.index.SearchLimits;
import com.escalationrca.index.SearchProperties;
import com.escalationrca.index.SearchRequest;
import com.escalationrca.index.SearchTimeoutException;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;

/**
 * Measures search on generated escalations: indexing throughput through our schema (per-language
 * fields, facets, doc values, update by id, commit per 2,000) against plain Lucene indexing of the
 * same narratives (one text field, add only, one commit) in the same run, then latency percentiles
 * of term, phrase, boolean-with-facets and more-like-this queries, and the index size. Then the same
 * ordinary queries on the server's bounds (rca.search's defaults), alone and beside one user's
 * allowance of abusive searches (regex, prefix, fuzzy, range) running without pause.
 */
public final class SearchBenchmark {

  static final List<String> TERMS = List.of("address", "crypto", "parody", "threat", "vaccine",
      "election", "slur", "bots", "recruiter", "lyrics", "endereço", "cuenta", "ameaça", "sorteo", "paródia",
      "insulto", "verificação", "menores", "elección", "vacina");
  static final List<String> PHRASES = List.of("\"home address\"", "\"display name\"", "\"job offer\"",
      "\"death threat\"", "\"age verification\"", "\"nome de exibição\"", "\"endereço residencial\"",
      "\"nombre visible\"", "\"información privada\"", "\"private information policy\"");
  /** Regex, prefix, fuzzy and range clauses: each reads whole term dictionaries. */
  static final List<String> ABUSIVE = List.of("/.*e.*/", "/[a-z]*o[a-z]*a[a-z]*/", "a* OR e* OR o*",
      "narrative:[a TO z]", "addres~2 OR threat~2 OR vacine~2");
  static final List<String> VENDORS = List.of("Atlas Review", "Northwind BPO", "Kestrel Trust",
      "Meridian Ops", "Sable Moderation", "Lumen CX");

  /** Latency percentiles of one query type, in milliseconds. */
  public record Latency(String query, int runs, double p50, double p95, double p99, double mean) {
  }

  /**
   * Abusive searches run beside ordinary ones: how many ran, how many the time budget stopped, and
   * the longest one took.
   */
  public record Abuse(List<String> queries, int threads, int searches, int stopped, double longestMillis) {
  }

  /** Everything one benchmark run measured. */
  public record Result(int documents, double oursPerSecond, double rawPerSecond, long indexBytes,
                       List<Latency> latencies, List<Latency> bounded, Abuse abuse) {

    public double indexingRatio() {
      return oursPerSecond / rawPerSecond;
    }
  }

  /**
   * @param indexChunk documents per {@code upsert} (and commit), as the index step's chunks
   *                   ({@code rca.run.index-chunk-size})
   */
  public Result run(int escalations, int queries, Path workDir, long seed, int indexChunk) {
    List<GeneratedEscalation> documents = new ArrayList<>(escalations);
    new EscalationGenerator().generate(new GeneratorSpec(escalations, 90, seed, LocalDate.of(2026, 11, 20), 2),
        documents::add);
    Path ours = workDir.resolve("ours");
    Path raw = workDir.resolve("raw");
    double rawRate = indexRaw(documents, raw);
    double oursRate = indexOurs(documents, ours, indexChunk);
    List<Latency> latencies = new ArrayList<>();
    SplittableRandom random = new SplittableRandom(seed);
    IntFunction<SearchRequest> term = i -> request(TERMS.get(random.nextInt(TERMS.size())), null, List.of());
    IntFunction<SearchRequest> faceted = i -> request(TERMS.get(random.nextInt(TERMS.size()))
        + " AND vendor:\"" + VENDORS.get(random.nextInt(VENDORS.size())) + "\"", null, List.of("vendor", "market", "policy"));
    try (EscalationSearcher searcher = EscalationSearcher.open(ours)) {
      latencies.add(measure("term", queries, term, searcher));
      latencies.add(measure("phrase", queries, i -> request(PHRASES.get(random.nextInt(PHRASES.size())), null, List.of()), searcher));
      latencies.add(measure("boolean + 3 facets", queries, faceted, searcher));
      latencies.add(measure("more-like-this", queries, i -> request(null,
          documents.get(random.nextInt(documents.size())).id(), List.of()), searcher));
    }
    List<Latency> bounded = new ArrayList<>();
    Abuse abuse;
    SearchLimits limits = new SearchProperties(Duration.ofSeconds(2), 10_000, ABUSERS).limits();
    try (EscalationSearcher searcher = EscalationSearcher.open(ours, limits)) {
      bounded.add(measure("term, bounded", queries, term, searcher));
      bounded.add(measure("boolean + 3 facets, bounded", queries, faceted, searcher));
      try (Abusers abusers = new Abusers(searcher)) {
        bounded.add(measure("term, beside abuse", queries, term, searcher));
        bounded.add(measure("boolean + 3 facets, beside abuse", queries, faceted, searcher));
        abuse = abusers.result();
      }
    }
    return new Result(documents.size(), oursRate, rawRate, size(ours), latencies, bounded, abuse);
  }

  /** One user's allowance of searches (rca.search.max-concurrent-per-user's default), every one abusive. */
  private static final int ABUSERS = 2;

  /** Threads that search {@link #ABUSIVE} queries in a loop on the server's bounds until closed. */
  private static final class Abusers implements AutoCloseable {
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger searches = new AtomicInteger();
    private final AtomicInteger stopped = new AtomicInteger();
    private final AtomicLong longestNanos = new AtomicLong();
    private final List<Thread> threads = new ArrayList<>();

    Abusers(EscalationSearcher searcher) {
      for (int t = 0; t < ABUSERS; t++) {
        int first = t;
        Thread thread = new Thread(() -> {
          for (int i = first; running.get(); i++) {
            long started = System.nanoTime();
            try {
              searcher.search(request(ABUSIVE.get(i % ABUSIVE.size()), null, List.of("vendor")));
            } catch (SearchTimeoutException e) {
              stopped.incrementAndGet();
            }
            searches.incrementAndGet();
            longestNanos.accumulateAndGet(System.nanoTime() - started, Math::max);
          }
        }, "abusive-search-" + t);
        thread.start();
        threads.add(thread);
      }
    }

    Abuse result() {
      return new Abuse(ABUSIVE, ABUSERS, searches.get(), stopped.get(), longestNanos.get() / 1e6);
    }

    @Override
    public void close() {
      running.set(false);
      for (Thread thread : threads) {
        try {
          thread.join();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  private static SearchRequest request(String query, String similar, List<String> facets) {
    return new SearchRequest(query, null, null, null, similar, facets, 10, 1);
  }

  private static Latency measure(String name, int runs, IntFunction<SearchRequest> requests, EscalationSearcher searcher) {
    for (int i = 0; i < Math.min(50, runs); i++) {
      searcher.search(requests.apply(i)); // warm-up: JIT and the OS page cache
    }
    double[] millis = new double[runs];
    for (int i = 0; i < runs; i++) {
      SearchRequest request = requests.apply(i);
      long started = System.nanoTime();
      searcher.search(request);
      millis[i] = (System.nanoTime() - started) / 1e6;
    }
    Arrays.sort(millis);
    return new Latency(name, runs, percentile(millis, 0.50), percentile(millis, 0.95), percentile(millis, 0.99),
        Arrays.stream(millis).average().orElse(0));
  }

  /** Nearest-rank percentile of sorted values. */
  static double percentile(double[] sorted, double p) {
    int rank = (int) Math.ceil(p * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  private static double indexOurs(List<GeneratedEscalation> documents, Path dir, int chunk) {
    long started = System.nanoTime();
    try (EscalationIndex index = EscalationIndex.open(dir)) {
      List<IndexedEscalation> batch = new ArrayList<>(chunk);
      for (GeneratedEscalation e : documents) {
        batch.add(new IndexedEscalation(e.id(), e.created(), e.narrative(), e.language().substring(0, 2).toLowerCase(),
            e.dimensions()));
        if (batch.size() == chunk) {
          index.upsert(batch);
          batch.clear();
        }
      }
      index.upsert(batch);
    }
    return documents.size() / ((System.nanoTime() - started) / 1e9);
  }

  private static double indexRaw(List<GeneratedEscalation> documents, Path dir) {
    long started = System.nanoTime();
    try (IndexWriter writer = new IndexWriter(FSDirectory.open(dir), new IndexWriterConfig(new StandardAnalyzer())
        .setRAMBufferSizeMB(64))) {
      for (GeneratedEscalation e : documents) {
        Document doc = new Document();
        doc.add(new StringField("id", e.id(), Field.Store.YES));
        doc.add(new TextField("narrative", e.narrative(), Field.Store.YES));
        writer.addDocument(doc);
      }
      writer.commit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return documents.size() / ((System.nanoTime() - started) / 1e9);
  }

  private static long size(Path dir) {
    try (var files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
