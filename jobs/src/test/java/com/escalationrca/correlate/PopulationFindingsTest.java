package com.escalationrca.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import com.escalationrca.ingest.Taxonomy;
import org.junit.jupiter.api.Test;

/**
 * The mission's example on text that clustering cannot catch: a vendor starts misapplying one
 * policy, and its escalations scatter over many clusters, a few in each.
 */
class PopulationFindingsTest {

  private static final LocalDate START = LocalDate.of(2026, 3, 1);
  private static final Taxonomy TAXONOMY = new Taxonomy(List.of(
      new Taxonomy.Dimension("policy", "under policy", Map.of(), true, true),
      new Taxonomy.Dimension("vendor", "from vendor", Map.of(), false),
      new Taxonomy.Dimension("market", "in market", Map.of(), false)));
  private static final CorrelateProperties PROPERTIES = new CorrelateProperties(10, 0.05, 50, 3,
      "detected_language", 7, 3, List.of("policy"), List.of("vendor", "market"));
  private static final String[] POLICIES = {"P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8"};
  private static final String[] VENDORS = {"A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N",
      "O", "P"};
  private static final String[] MARKETS = {"W", "X", "Y", "Z"};

  private static Observation observation(String id, String cluster, String policy, String vendor, String market,
                                         int day) {
    return new Observation(id, cluster, 0.5, START.plusDays(day),
        Map.of("policy", policy, "vendor", vendor, "market", market, "detected_language", "en"));
  }

  /**
   * 3,000 escalations over 40 clusters, 8 policies and 16 vendors at random (about 23 per policy ×
   * vendor); in the last 6 days, 24 more under policy P3 from vendor E, spread over 12 clusters: 2
   * in each, too few for any cluster to show anything.
   */
  private static List<Observation> scattered() {
    SplittableRandom random = new SplittableRandom(21);
    List<Observation> all = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      all.add(observation("E" + i, String.format("C%04d", 1 + random.nextInt(40)), POLICIES[random.nextInt(8)],
          VENDORS[random.nextInt(16)], MARKETS[random.nextInt(4)], random.nextInt(28)));
    }
    for (int i = 0; i < 24; i++) {
      all.add(observation("M" + i, String.format("C%04d", 1 + i % 12), "P3", "E", MARKETS[random.nextInt(4)],
          22 + random.nextInt(6)));
    }
    return all;
  }

  private static Correlation correlate(List<Observation> observations) {
    return new Correlator(PROPERTIES, TAXONOMY).correlate(observations, Map.of("C0001", "late payment"), START,
        START.plusDays(27));
  }

  @Test
  void aVendorMisapplyingOnePolicyIsFoundAtPolicyLevelThoughNoClusterHoldsMoreThanTwoOfIt() {
    Correlation correlation = correlate(scattered());

    Finding top = correlation.findings().get(0);
    assertThat(top.clusterId()).isEqualTo("all");
    assertThat(top.clusterLabel()).isEqualTo("all escalations");
    assertThat(top.dimension()).isEqualTo("policy ∧ vendor");
    assertThat(top.value()).isEqualTo("P3 ∧ E");
    assertThat(top.observed()).isGreaterThanOrEqualTo(24);
    assertThat(top.summary()).startsWith("Since ").contains("escalations under policy P3 from vendor E are");
    assertThat(top.since()).isBetween(START.plusDays(20), START.plusDays(23));
  }

  @Test
  void theSameDataWithoutThePlantedEscalationsHasNoFinding() {
    assertThat(correlate(scattered().stream().filter(o -> o.externalId().startsWith("E")).toList()).findings()).isEmpty();
  }

  @Test
  void oneCauseIsOneEntryNamingTheClustersThatCarryIt() {
    Correlation correlation = correlate(scattered());

    Cause cause = correlation.causes().get(0);
    assertThat(cause.leadRank()).isEqualTo(1);
    // Every finding about P3 ∧ E (as a concentration, or as a surge) belongs to the first cause.
    assertThat(correlation.findings()).filteredOn(f -> f.value().contains("P3 ∧ E"))
        .allSatisfy(f -> assertThat(f.cause()).isEqualTo(1));
    assertThat(cause.escalations()).isGreaterThanOrEqualTo(24);
    assertThat(cause.clusters()).hasSize(3).allSatisfy(c -> assertThat(c.count()).isGreaterThanOrEqualTo(2));
    assertThat(cause.memberIds()).contains("M0", "M23");
    // Causes are numbered in the order of their best finding.
    assertThat(correlation.causes()).extracting(Cause::leadRank).isSorted();
  }

  @Test
  void aCombinationRisingEverywhereIsASurgeOfThatCombination() {
    SplittableRandom random = new SplittableRandom(8);
    List<Observation> all = new ArrayList<>();
    for (int i = 0; i < 4000; i++) {
      all.add(observation("E" + i, String.format("C%04d", 1 + random.nextInt(10)), POLICIES[random.nextInt(8)],
          VENDORS[random.nextInt(6)], MARKETS[random.nextInt(4)], random.nextInt(28)));
    }
    // Vendor B's escalations in market Z triple in the last week, under every policy and in every cluster.
    for (int i = 0; i < 90; i++) {
      all.add(observation("S" + i, String.format("C%04d", 1 + random.nextInt(10)), POLICIES[random.nextInt(8)],
          "B", "Z", 22 + random.nextInt(6)));
    }

    List<Finding> findings = correlate(all).findings();

    assertThat(findings).anySatisfy(f -> {
      assertThat(f.kind()).isEqualTo(SurgeDetector.KIND);
      assertThat(f.clusterId()).isEqualTo("all");
      assertThat(f.dimension()).isEqualTo("vendor ∧ market");
      assertThat(f.value()).isEqualTo("B ∧ Z");
      assertThat(f.summary()).contains("escalations from vendor B in market Z are");
    });
    // Its parts only carry its rise: neither vendor B nor market Z alone is reported as a surge.
    assertThat(findings).noneMatch(f -> f.kind().equals(SurgeDetector.KIND) && !f.dimension().contains("∧"));
  }
}
