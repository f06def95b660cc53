package com.escalationrca.correlate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import com.escalationrca.ingest.Taxonomy;
import org.junit.jupiter.api.Test;

class CorrelatorTest {

  private static final LocalDate START = LocalDate.of(2026, 3, 1);
  private static final Taxonomy TAXONOMY = new Taxonomy(List.of(
      new Taxonomy.Dimension("vendor", "from vendor", Map.of(), false),
      new Taxonomy.Dimension("market", "in market", Map.of(), false)));
  private static final CorrelateProperties PROPERTIES = new CorrelateProperties(10, 0.05, 50, 3, "detected_language", 7, 3, List.of(), List.of("vendor", "market"));

  private static Observation observation(int id, String cluster, String vendor, String market, int day) {
    return new Observation("E" + id, cluster, 0.5, START.plusDays(day),
        Map.of("vendor", vendor, "market", market, "detected_language", "en"));
  }

  /**
   * 4,000 escalations with vendors A–D and markets W–Z at random over 28 days, plus 120 in cluster
   * C0001 from vendor A in market X (the pair) over the last 5 days, and market Q, new in the last
   * week and only ever with vendor A (a pair that says nothing its market does not).
   */
  private static List<Observation> observations() {
    SplittableRandom random = new SplittableRandom(9);
    String[] vendors = {"A", "B", "C", "D"};
    String[] markets = {"W", "X", "Y", "Z"};
    List<Observation> all = new ArrayList<>();
    int id = 0;
    for (int i = 0; i < 4000; i++) {
      String cluster = random.nextInt(10) == 0 ? "C0001" : "C0002";
      all.add(observation(id++, cluster, vendors[random.nextInt(4)], markets[random.nextInt(4)], random.nextInt(28)));
    }
    for (int i = 0; i < 120; i++) {
      all.add(observation(id++, "C0001", "A", "X", 23 + random.nextInt(5)));
    }
    for (int i = 0; i < 60; i++) {
      all.add(observation(id++, i < 40 ? "C0001" : "C0002", "A", "Q", 21 + random.nextInt(7)));
    }
    return all;
  }

  @Test
  void reportsAPairThatExplainsMoreThanItsPartsAndDatesItsOnset() {
    Correlation correlation = new Correlator(PROPERTIES, TAXONOMY)
        .correlate(observations(), Map.of("C0001", "doxxing", "C0002", "spam"), START, START.plusDays(27));

    Finding pair = correlation.findings().stream().filter(f -> f.dimension().equals("vendor ∧ market"))
        .filter(f -> f.value().equals("A ∧ X")).findFirst().orElseThrow();
    Finding vendorAlone = correlation.findings().stream()
        .filter(f -> f.dimension().equals("vendor") && f.value().equals("A") && f.clusterId().equals("C0001"))
        .findFirst().orElseThrow();
    assertThat(pair.liftLow()).isGreaterThan(vendorAlone.lift());
    assertThat(pair.rank()).isLessThan(vendorAlone.rank());
    assertThat(pair.summary()).contains("from vendor A in market X");
    assertThat(pair.since()).isBetween(START.plusDays(21), START.plusDays(24));
  }

  @Test
  void summariesNameValuesAndLabelsRedactedAsEveryPublishedText() {
    String address = "ops.lead@vendor-a.example";
    List<Observation> typed = observations().stream().map(o -> o.dimensions().get("vendor").equals("A")
        ? new Observation(o.externalId(), o.clusterId(), o.similarity(), o.day(),
            Map.of("vendor", address, "market", o.dimensions().get("market"), "detected_language", "en"))
        : o).toList();

    Correlation correlation = new Correlator(PROPERTIES, TAXONOMY)
        .correlate(typed, Map.of("C0001", "call +55 11 98765-4321", "C0002", "spam"), START, START.plusDays(27));

    Finding pair = correlation.findings().stream().filter(f -> f.value().equals(address + " ∧ X")).findFirst().orElseThrow();
    assertThat(pair.summary()).contains("from vendor [email] in market X").doesNotContain(address);
    assertThat(correlation.findings()).allSatisfy(f -> assertThat(f.summary()).doesNotContain(address, "98765"));
  }

  @Test
  void aPairThatOnlyRepeatsOneOfItsValuesIsNotReported() {
    Correlation correlation = new Correlator(PROPERTIES, TAXONOMY)
        .correlate(observations(), Map.of(), START, START.plusDays(27));

    assertThat(correlation.findings()).filteredOn(f -> f.value().equals("A ∧ Q")).isEmpty();
    assertThat(correlation.findings()).anyMatch(f -> f.dimension().equals("market") && f.value().equals("Q"));
  }

  @Test
  void aConcentrationThatHeldAllWindowLongIsNotAFindingBecauseNothingRose() {
    SplittableRandom random = new SplittableRandom(11);
    List<Observation> all = new ArrayList<>();
    for (int i = 0; i < 4000; i++) {
      all.add(observation(i, random.nextInt(10) == 0 ? "C0001" : "C0002", "V" + random.nextInt(4),
          "M" + random.nextInt(4), random.nextInt(28)));
    }
    // Vendor A works only on C0001's problem, every day of the window: a standing association.
    for (int i = 0; i < 150; i++) {
      all.add(observation(10_000 + i, "C0001", "A", "M" + random.nextInt(4), random.nextInt(28)));
    }

    Correlation correlation = new Correlator(PROPERTIES, TAXONOMY).correlate(all, Map.of(), START, START.plusDays(27));

    assertThat(correlation.tests()).isPositive();
    assertThat(correlation.findings()).noneMatch(f -> f.value().contains("A"));
  }

  @Test
  void randomDataGivesNoFinding() {
    SplittableRandom random = new SplittableRandom(17);
    List<Observation> noise = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      noise.add(observation(i, "C000" + (1 + random.nextInt(5)), "V" + random.nextInt(6), "M" + random.nextInt(8),
          random.nextInt(28)));
    }
    assertThat(new Correlator(PROPERTIES, TAXONOMY).correlate(noise, Map.of(), START, START.plusDays(27)).findings())
        .isEmpty();
  }

  @Test
  void aContextDimensionOutsideTheTaxonomyIsAConfigurationErrorNamingIt() {
    CorrelateProperties properties = new CorrelateProperties(10, 0.05, 50, 3, "detected_language", 7, 3, List.of("policy"), List.of("vendor", "market"));

    assertThatThrownBy(() -> new Correlator(properties, TAXONOMY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rca.correlate.context-dimensions names 'policy'");
  }
}
