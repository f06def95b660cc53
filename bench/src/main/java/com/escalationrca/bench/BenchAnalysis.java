package com.escalationrca.bench;

import java.util.List;
import java.util.stream.IntStream;

import com.escalationrca.cluster.NarrativeDocument;
import com.escalationrca.embed.EmbedProperties;
import com.escalationrca.embed.VectorCodec;
import com.escalationrca.nlp.NarrativeAnalysis;
import com.escalationrca.nlp.NarrativeAnalyzer;
import com.escalationrca.nlpmodels.NlpModels;
import com.escalationrca.nlpmodels.SentenceEncoder;

/**
 * The job's narrative analysis and sentence embedding, run in memory for the benchmarks (the
 * database steps only move data): each narrative analysed, and embedded when its detected language
 * is one {@code rca.embed.languages} names, each vector as the embed step stores it (8 bits a
 * component, {@link VectorCodec}): clustering is sensitive to perturbations that small (CFPB by
 * Issue NMI 0.418 to 0.477 over eight draws of rounding-sized noise), so the benchmarks cluster
 * what the night clusters. Keeps the time spent embedding, which the benchmarks report apart.
 */
public final class BenchAnalysis {

  private final ThreadLocal<NarrativeAnalyzer> analyzers;
  private final EmbedProperties embed;
  private final SentenceEncoder encoder;
  private long embeddingNanos;
  private long embedded;

  public BenchAnalysis(NlpModels models, EmbedProperties embed) {
    this.analyzers = ThreadLocal.withInitial(() -> new NarrativeAnalyzer(models));
    this.embed = embed;
    this.encoder = embed.enabled() ? embed.open() : null;
  }

  /** Documents numbered 0, 1, … in input order; a declared language may be null. */
  public List<NarrativeDocument> analyse(List<String> narratives, List<String> declaredLanguages) {
    List<NarrativeDocument> documents = IntStream.range(0, narratives.size()).parallel().mapToObj(i -> {
      NarrativeAnalysis a = analyzers.get().analyze(narratives.get(i), declaredLanguages.get(i));
      return new NarrativeDocument(i, a.language(), a.terms(), a.phrases());
    }).toList();
    if (encoder == null) {
      return documents;
    }
    long started = System.nanoTime();
    List<NarrativeDocument> withEmbeddings = documents.parallelStream()
        .map(d -> embed.embeds(d.language())
            ? d.withEmbedding(VectorCodec.decode(VectorCodec.encode(encoder.embed(narratives.get((int) d.escalationId()))))) : d)
        .toList();
    embeddingNanos += System.nanoTime() - started;
    embedded += withEmbeddings.stream().filter(d -> d.embedding() != null).count();
    return withEmbeddings;
  }

  public List<NarrativeDocument> analyse(List<String> narratives) {
    return analyse(narratives, java.util.Collections.nCopies(narratives.size(), null));
  }

  /** Narratives embedded so far, and the seconds that took. */
  public long embedded() {
    return embedded;
  }

  public double embeddingSeconds() {
    return embeddingNanos / 1e9;
  }
}
