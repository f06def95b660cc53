package com.escalationrca.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import com.escalationrca.ingest.Taxonomy;
import org.junit.jupiter.api.Test;

class SurgeDetectorTest {

  private static final LocalDate START = LocalDate.of(2026, 3, 2); // a Monday
  private static final Taxonomy TAXONOMY = new Taxonomy(List.of(
      new Taxonomy.Dimension("vendor", "from vendor", Map.of(), false),
      new Taxonomy.Dimension("market", "in market", Map.of(), false)));
  private static final CorrelateProperties PROPERTIES =
      new CorrelateProperties(10, 0.05, 50, 3, "detected_language", 7, 3, List.of(), List.of("vendor", "market"));
  private static final String[] VENDORS = {"A", "B", "C", "D"};
  private static final String[] MARKETS = {"W", "X", "Y", "Z"};
  /** Weekday volume, Monday first: busy weekdays, quiet weekends. */
  private static final double[] WEEKDAY = {1.3, 1.2, 1.1, 1.0, 1.0, 0.5, 0.4};

  private static int seasonalDay(SplittableRandom random) {
    while (true) {
      int day = random.nextInt(28);
      DayOfWeek weekday = START.plusDays(day).getDayOfWeek();
      if (random.nextDouble() * 1.3 < WEEKDAY[weekday.getValue() - 1]) {
        return day;
      }
    }
  }

  private static List<Observation> seasonal(int count, SplittableRandom random) {
    List<Observation> all = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      all.add(new Observation("E" + i, "C000" + (1 + random.nextInt(4)), 0.5, START.plusDays(seasonalDay(random)),
          Map.of("vendor", VENDORS[random.nextInt(4)], "market", MARKETS[random.nextInt(4)], "detected_language", "en")));
    }
    return all;
  }

  private static List<Finding> surges(List<Observation> observations) {
    return new Correlator(PROPERTIES, TAXONOMY).correlate(observations, Map.of("C0003", "doxxing"), START,
        START.plusDays(27)).findings().stream().filter(f -> f.kind().equals(SurgeDetector.KIND)).toList();
  }

  @Test
  void aWeeklyPatternAloneIsNoSurge() {
    assertThat(surges(seasonal(6000, new SplittableRandom(1)))).isEmpty();
  }

  @Test
  void aWholeClusterRisingAcrossEveryVendorIsASurgeDatedToItsStart() {
    SplittableRandom random = new SplittableRandom(2);
    List<Observation> all = new ArrayList<>(seasonal(6000, random));
    // From day 22 on, 150 more in C0003, spread over every vendor and market.
    for (int i = 0; i < 150; i++) {
      all.add(new Observation("S" + i, "C0003", 0.5, START.plusDays(22 + random.nextInt(6)),
          Map.of("vendor", VENDORS[random.nextInt(4)], "market", MARKETS[random.nextInt(4)], "detected_language", "en")));
    }

    Finding surge = surges(all).stream().filter(f -> f.clusterId().equals("C0003")).findFirst().orElseThrow();

    assertThat(surge.dimension()).isEmpty();
    assertThat(surge.since()).isBetween(START.plusDays(21), START.plusDays(23));
    assertThat(surge.liftLow()).isGreaterThan(1.0);
    // The rise also raises total volume, the exposure, so part of it is absorbed: 150 added, ~80 in excess.
    assertThat((double) surge.observed()).isGreaterThan(surge.recentExpected() + 50);
    assertThat(surge.summary()).startsWith("Since ").contains("'doxxing' escalations are", "their usual share of volume");
  }

  @Test
  void aVendorRisingInEveryClusterIsASurgeOverAllClusters() {
    SplittableRandom random = new SplittableRandom(3);
    List<Observation> all = new ArrayList<>(seasonal(6000, random));
    for (int i = 0; i < 200; i++) {
      all.add(new Observation("S" + i, "C000" + (1 + random.nextInt(4)), 0.5, START.plusDays(23 + random.nextInt(5)),
          Map.of("vendor", "D", "market", MARKETS[random.nextInt(4)], "detected_language", "en")));
    }

    List<Finding> surges = surges(all);

    assertThat(surges).anySatisfy(f -> {
      assertThat(f.clusterId()).isEqualTo(SurgeDetector.ALL_CLUSTERS);
      assertThat(f.dimension()).isEqualTo("vendor");
      assertThat(f.value()).isEqualTo("D");
      assertThat(f.summary()).contains("escalations from vendor D are");
    });
    // No single cluster rose on its own: each only carries its share of vendor D's rise.
    assertThat(surges).noneMatch(f -> f.clusterId().startsWith("C"));
  }

  @Test
  void aSurgeThatAConcentrationExplainsIsNotReportedTwice() {
    SplittableRandom random = new SplittableRandom(4);
    List<Observation> all = new ArrayList<>(seasonal(6000, random));
    for (int i = 0; i < 150; i++) {
      all.add(new Observation("S" + i, "C0003", 0.5, START.plusDays(22 + random.nextInt(6)),
          Map.of("vendor", "A", "market", "X", "detected_language", "en")));
    }

    List<Finding> findings = new Correlator(PROPERTIES, TAXONOMY)
        .correlate(all, Map.of(), START, START.plusDays(27)).findings();

    assertThat(findings).anyMatch(f -> f.clusterId().equals("C0003") && f.value().equals("A ∧ X"));
    assertThat(findings).noneMatch(f -> f.kind().equals(SurgeDetector.KIND) && f.clusterId().equals("C0003"));
  }

  @Test
  void aVendorsSurgeThatItsFindingsInSeveralClustersExplainTogetherIsNotReportedAgain() {
    SplittableRandom random = new SplittableRandom(5);
    List<Observation> all = new ArrayList<>(seasonal(6000, random));
    // Three small clusters with 30 ordinary members each; vendor D rises in all three, a third in
    // each: no cluster's finding alone holds 75 % of D's rise over all clusters, together they do.
    for (String cluster : List.of("C0005", "C0006", "C0007")) {
      for (int i = 0; i < 30; i++) {
        all.add(new Observation(cluster + "-" + i, cluster, 0.5, START.plusDays(seasonalDay(random)),
            Map.of("vendor", VENDORS[random.nextInt(4)], "market", MARKETS[random.nextInt(4)], "detected_language", "en")));
      }
    }
    for (int i = 0; i < 180; i++) {
      all.add(new Observation("S" + i, "C000" + (5 + i % 3), 0.5, START.plusDays(22 + random.nextInt(6)),
          Map.of("vendor", "D", "market", MARKETS[random.nextInt(4)], "detected_language", "en")));
    }

    List<Finding> findings = new Correlator(PROPERTIES, TAXONOMY)
        .correlate(all, Map.of(), START, START.plusDays(27)).findings();

    for (String cluster : List.of("C0005", "C0006", "C0007")) {
      assertThat(findings).anyMatch(f -> f.clusterId().equals(cluster) && f.dimension().equals("vendor")
          && f.value().equals("D"));
    }
    assertThat(findings).noneMatch(f -> f.kind().equals(SurgeDetector.KIND) && f.value().equals("D"));
  }
}
