package com.escalationrca.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import com.escalationrca.ingest.Taxonomy;
import org.junit.jupiter.api.Test;

class FindingMergerTest {

  private static final LocalDate START = LocalDate.of(2026, 3, 1);
  private static final Taxonomy TAXONOMY = new Taxonomy(List.of(
      new Taxonomy.Dimension("vendor", "from vendor", Map.of(), false),
      new Taxonomy.Dimension("market", "in market", Map.of(), false)));
  private static final CorrelateProperties PROPERTIES =
      new CorrelateProperties(10, 0.05, 50, 3, "detected_language", 7, 3, List.of(), List.of("vendor", "market"));

  private static Observation observation(int id, String cluster, String vendor, String market, int day) {
    return new Observation("E" + id, cluster, 0.5, START.plusDays(day),
        Map.of("vendor", vendor, "market", market, "detected_language", "en"));
  }

  /**
   * A small cluster C0001 that a cause dominates: 40 escalations from vendor A in market X in the
   * last week against 20 at random. Vendor A alone and market X alone then pick out nearly the same escalations.
   */
  @Test
  void aCauseThatDominatesItsClusterIsOneFindingNotOnePerValue() {
    SplittableRandom random = new SplittableRandom(3);
    String[] vendors = {"A", "B", "C", "D", "E", "F"};
    String[] markets = {"W", "X", "Y", "Z", "V", "U"};
    List<Observation> all = new ArrayList<>();
    int id = 0;
    for (int i = 0; i < 5000; i++) {
      all.add(observation(id++, i < 20 ? "C0001" : "C0002", vendors[random.nextInt(6)], markets[random.nextInt(6)],
          id % 28));
    }
    for (int i = 0; i < 40; i++) {
      all.add(observation(id++, "C0001", "A", "X", 21 + i % 7));
    }

    List<Finding> findings = new Correlator(PROPERTIES, TAXONOMY)
        .correlate(all, Map.of(), START, START.plusDays(27)).findings();

    // A large cluster missing A's escalations has B at lift 1.01: significant, and no finding.
    assertThat(findings).allMatch(f -> f.liftLow() > 1);
    assertThat(findings).filteredOn(f -> f.clusterId().equals("C0001")).singleElement().satisfies(f -> {
      assertThat(f.dimension()).isEqualTo("vendor ∧ market");
      assertThat(f.value()).isEqualTo("A ∧ X");
      assertThat(f.observed()).isGreaterThanOrEqualTo(40);
    });
  }
}
