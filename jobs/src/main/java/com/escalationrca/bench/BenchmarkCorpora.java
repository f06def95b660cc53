package com.escalationrca.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import com.escalationrca.cluster.NarrativeDocument;
import com.escalationrca.generate.EscalationGenerator;
import com.escalationrca.generate.GeneratedEscalation;
import com.escalationrca.generate.GeneratorSpec;
import com.escalationrca.nlp.NarrativeAnalysis;
import com.escalationrca.nlp.NarrativeAnalyzer;
import com.escalationrca.nlpmodels.NlpModels;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** Labelled corpora for the clustering benchmark, analysed with the job's own analyzer. */
public final class BenchmarkCorpora {

  private final ThreadLocal<NarrativeAnalyzer> analyzers;

  public BenchmarkCorpora(NlpModels models) {
    this.analyzers = ThreadLocal.withInitial(() -> new NarrativeAnalyzer(models));
  }

  /** Generated escalations; gold label: the planted theme (16 themes, written in 3 languages). */
  public ClusteringBenchmark.Corpus generated(int escalations, long seed) {
    List<GeneratedEscalation> rows = new ArrayList<>(escalations);
    new EscalationGenerator().generate(new GeneratorSpec(escalations, 28, seed, LocalDate.of(2026, 11, 20), 2), rows::add);
    List<NarrativeDocument> documents = analyse(rows.stream().map(GeneratedEscalation::narrative).toList());
    return new ClusteringBenchmark.Corpus("generated themes (" + escalations + ")",
        rows.stream().map(GeneratedEscalation::narrative).toList(), documents,
        rows.stream().map(GeneratedEscalation::theme).toList());
  }

  /** The CFPB export's complaints with a narrative, once with Issue and once with Product as gold. */
  public List<ClusteringBenchmark.Corpus> cfpb(Path file) {
    List<String> narratives = new ArrayList<>();
    List<String> issues = new ArrayList<>();
    List<String> products = new ArrayList<>();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (CSVRecord row : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
        String narrative = row.get("Consumer complaint narrative");
        if (!narrative.isBlank()) {
          narratives.add(narrative);
          issues.add(row.get("Issue"));
          products.add(row.get("Product"));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    List<NarrativeDocument> documents = analyse(narratives);
    return List.of(new ClusteringBenchmark.Corpus("CFPB by Issue", narratives, documents, issues),
        new ClusteringBenchmark.Corpus("CFPB by Product", narratives, documents, products));
  }

  private List<NarrativeDocument> analyse(List<String> narratives) {
    return IntStream.range(0, narratives.size()).parallel().mapToObj(i -> {
      NarrativeAnalysis a = analyzers.get().analyze(narratives.get(i), null);
      return new NarrativeDocument(i, a.language(), a.terms(), a.phrases());
    }).toList();
  }
}
