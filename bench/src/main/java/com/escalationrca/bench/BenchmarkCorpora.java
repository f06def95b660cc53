package com.escalationrca.bench;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.escalationrca.cluster.NarrativeDocument;
import com.escalationrca.generate.EscalationGenerator;
import com.escalationrca.generate.GeneratedEscalation;
import com.escalationrca.generate.GeneratorSpec;

/** Labelled corpora for the clustering benchmark, analysed (and embedded) as the job does. */
public final class BenchmarkCorpora {

  private final BenchAnalysis analysis;

  public BenchmarkCorpora(BenchAnalysis analysis) {
    this.analysis = analysis;
  }

  /** Generated escalations; gold label: the planted theme (16 themes, written in 3 languages). */
  public ClusteringBenchmark.Corpus generated(int escalations, long seed) {
    List<GeneratedEscalation> rows = new ArrayList<>(escalations);
    new EscalationGenerator().generate(new GeneratorSpec(escalations, 28, seed, LocalDate.of(2026, 11, 20), 2), rows::add);
    List<NarrativeDocument> documents = analysis.analyse(rows.stream().map(GeneratedEscalation::narrative).toList());
    return new ClusteringBenchmark.Corpus("generated themes (" + escalations + ")",
        rows.stream().map(GeneratedEscalation::narrative).toList(), documents,
        rows.stream().map(GeneratedEscalation::theme).toList());
  }

  /**
   * The Portuguese development set with label_fine as gold; complaints whose author picked no
   * label are left out (they have no gold to score against).
   */
  public ClusteringBenchmark.Corpus reclameAqui(Path file) {
    List<CfpbComplaint> complaints = CfpbComplaint.readReclameAqui(file).stream()
        .filter(c -> !c.issue().equals(CfpbComplaint.NO_LABEL)).toList();
    List<String> narratives = complaints.stream().map(CfpbComplaint::narrative).toList();
    return new ClusteringBenchmark.Corpus("ReclameAqui by label_fine", narratives, analysis.analyse(narratives),
        complaints.stream().map(CfpbComplaint::issue).toList());
  }

  /** The CFPB export's complaints with a narrative, once with Issue and once with Product as gold. */
  public List<ClusteringBenchmark.Corpus> cfpb(Path file) {
    List<CfpbComplaint> complaints = CfpbComplaint.read(file);
    List<String> narratives = complaints.stream().map(CfpbComplaint::narrative).toList();
    List<NarrativeDocument> documents = analysis.analyse(narratives);
    return List.of(
        new ClusteringBenchmark.Corpus("CFPB by Issue", narratives, documents, complaints.stream().map(CfpbComplaint::issue).toList()),
        new ClusteringBenchmark.Corpus("CFPB by Product", narratives, documents, complaints.stream().map(CfpbComplaint::product).toList()));
  }
}
