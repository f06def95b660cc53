package com.escalationrca.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.escalationrca.generate.EscalationGenerator;
import com.escalationrca.generate.GeneratedEscalation;
import com.escalationrca.generate.GeneratorSpec;
import org.junit.jupiter.api.Test;

/** The Carrot2 and Mallet adapters run for real and label every document. */
class CompetitorsTest {

  private static List<GeneratedEscalation> corpus() {
    List<GeneratedEscalation> rows = new ArrayList<>();
    new EscalationGenerator().generate(new GeneratorSpec(300, 14, 8, LocalDate.of(2026, 6, 1), 0), rows::add);
    return rows;
  }

  @Test
  void carrot2LingoLabelsEveryDocumentAndFindsSeveralClusters() {
    List<GeneratedEscalation> rows = corpus();
    List<String> labels = new Carrot2Lingo().cluster(rows.stream().map(GeneratedEscalation::narrative).toList());

    assertThat(labels).hasSize(rows.size());
    assertThat(labels.stream().distinct().count()).isGreaterThan(3);
  }

  @Test
  void malletLdaPutsEveryDocumentInOneOfKTopicsAndBeatsChance() {
    List<GeneratedEscalation> rows = corpus();
    List<String> labels = new MalletLda(100).cluster(rows.stream().map(GeneratedEscalation::narrative).toList(), 16, 5);

    assertThat(labels).hasSize(rows.size());
    assertThat(labels.stream().distinct().count()).isLessThanOrEqualTo(16);
    assertThat(ClusteringQuality.of(rows.stream().map(GeneratedEscalation::theme).toList(), labels).nmi())
        .isGreaterThan(0.2);
  }
}
