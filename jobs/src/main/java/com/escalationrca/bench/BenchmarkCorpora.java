package com.escalationrca.bench;

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
    List<CfpbComplaint> complaints = CfpbComplaint.read(file);
    List<String> narratives = complaints.stream().map(CfpbComplaint::narrative).toList();
    List<NarrativeDocument> documents = analyse(narratives);
    return List.of(
        new ClusteringBenchmark.Corpus("CFPB by Issue", narratives, documents, complaints.stream().map(CfpbComplaint::issue).toList()),
        new ClusteringBenchmark.Corpus("CFPB by Product", narratives, documents, complaints.stream().map(CfpbComplaint::product).toList()));
  }

  List<NarrativeDocument> analyse(List<String> narratives) {
    return IntStream.range(0, narratives.size()).parallel().mapToObj(i -> {
      NarrativeAnalysis a = analyzers.get().analyze(narratives.get(i), null);
      return new NarrativeDocument(i, a.language(), a.terms(), a.phrases());
    }).toList();
  }
}
