package com.escalationrca.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

import com.escalationrca.generate.EscalationGenerator;
import com.escalationrca.generate.GeneratedEscalation;
import com.escalationrca.generate.GeneratorSpec;
import com.escalationrca.index.EscalationIndex;
import com.escalationrca.index.EscalationSearcher;
import com.escalationrca.index.IndexedEscalation;
import com.escalationrca.index.SearchRequest;
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
 * of term, phrase, boolean-with-facets and more-like-this queries, and the index size.
 */
public final class SearchBenchmark {

  private static final int BATCH = 2000;
  static final List<String> TERMS = List.of("address", "crypto", "parody", "threat", "vaccine",
      "election", "slur", "bots", "recruiter", "lyrics", "endereço", "cuenta", "ameaça", "sorteo", "paródia",
      "insulto", "verificação", "menores", "elección", "vacina");
  static final List<String> PHRASES = List.of("\"home address\"", "\"display name\"", "\"job offer\"",
      "\"death threat\"", "\"age verification\"", "\"nome de exibição\"", "\"endereço residencial\"",
      "\"nombre visible\"", "\"información privada\"", "\"private information policy\"");
  static final List<String> VENDORS = List.of("Atlas Review", "Northwind BPO", "Kestrel Trust",
      "Meridian Ops", "Sable Moderation", "Lumen CX");

  /** Latency percentiles of one query type, in milliseconds. */
  public record Latency(String query, int runs, double p50, double p95, double p99, double mean) {
  }

  /** Everything one benchmark run measured. */
  public record Result(int documents, double oursPerSecond, double rawPerSecond, long indexBytes,
                       List<Latency> latencies) {

    public double indexingRatio() {
      return oursPerSecond / rawPerSecond;
    }
  }

  public Result run(int escalations, int queries, Path workDir, long seed) {
    List<GeneratedEscalation> documents = new ArrayList<>(escalations);
    new EscalationGenerator().generate(new GeneratorSpec(escalations, 90, seed, LocalDate.of(2026, 11, 20), 2),
        documents::add);
    Path ours = workDir.resolve("ours");
    Path raw = workDir.resolve("raw");
    double rawRate = indexRaw(documents, raw);
    double oursRate = indexOurs(documents, ours);
    List<Latency> latencies = new ArrayList<>();
    try (EscalationSearcher searcher = EscalationSearcher.open(ours)) {
      SplittableRandom random = new SplittableRandom(seed);
      latencies.add(measure("term", queries, i -> request(TERMS.get(random.nextInt(TERMS.size())), null, List.of()), searcher));
      latencies.add(measure("phrase", queries, i -> request(PHRASES.get(random.nextInt(PHRASES.size())), null, List.of()), searcher));
      latencies.add(measure("boolean + 3 facets", queries, i -> request(TERMS.get(random.nextInt(TERMS.size()))
          + " AND vendor:\"" + VENDORS.get(random.nextInt(VENDORS.size())) + "\"", null,
          List.of("vendor", "market", "policy")), searcher));
      latencies.add(measure("more-like-this", queries, i -> request(null,
          documents.get(random.nextInt(documents.size())).id(), List.of()), searcher));
    }
    return new Result(documents.size(), oursRate, rawRate, size(ours), latencies);
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

  private static double indexOurs(List<GeneratedEscalation> documents, Path dir) {
    long started = System.nanoTime();
    try (EscalationIndex index = EscalationIndex.open(dir)) {
      List<IndexedEscalation> batch = new ArrayList<>(BATCH);
      for (GeneratedEscalation e : documents) {
        batch.add(new IndexedEscalation(e.id(), e.created(), e.narrative(), e.language().substring(0, 2).toLowerCase(),
            e.dimensions()));
        if (batch.size() == BATCH) {
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
