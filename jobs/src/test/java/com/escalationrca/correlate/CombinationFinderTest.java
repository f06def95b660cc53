package com.escalationrca.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import com.escalationrca.ingest.Taxonomy;
import org.junit.jupiter.api.Test;

class CombinationFinderTest {

  private static final LocalDate START = LocalDate.of(2026, 3, 1);
  private static final Taxonomy TAXONOMY = new Taxonomy(List.of(
      new Taxonomy.Dimension("policy", "under policy", Map.of(), true),
      new Taxonomy.Dimension("vendor", "from vendor", Map.of(), false),
      new Taxonomy.Dimension("market", "in market", Map.of(), false),
      new Taxonomy.Dimension("channel", "via channel", Map.of(), false)));
  private static final CorrelateProperties PROPERTIES =
      new CorrelateProperties(10, 0.05, 50, 3, "detected_language", 7, 3, List.of("policy"), List.of("vendor", "market", "channel"));
  private static final String[] POLICIES = {"P1", "P2", "P3", "P4"};
  private static final String[] VENDORS = {"A", "B", "C", "D"};
  private static final String[] MARKETS = {"W", "X", "Y", "Z"};
  private static final String[] CHANNELS = {"app", "web"};

  private static Observation observation(int id, String cluster, String policy, String vendor, String market,
                                         String channel, int day) {
    return new Observation("E" + id, cluster, 0.5, START.plusDays(day), Map.of("policy", policy,
        "vendor", vendor, "market", market, "channel", channel, "detected_language", "en"));
  }

  /**
   * 6,000 escalations at random. Cluster C0001 ("wrong policy applied") occurs under every policy;
   * C0002 is all policy P2 (a cluster about one policy's problem); C0003 is the rest. Planted: 70
   * escalations in C0001 under P1 from vendor A in market X (the vendor misapplies one policy in one
   * market), and 60 in C0002 from vendor B (concentrated in a one-policy cluster).
   */
  private static List<Observation> observations() {
    SplittableRandom random = new SplittableRandom(5);
    List<Observation> all = new ArrayList<>();
    int id = 0;
    for (int i = 0; i < 6000; i++) {
      String policy = POLICIES[random.nextInt(4)];
      int draw = random.nextInt(10);
      String cluster = draw < 2 ? "C0001" : policy.equals("P2") && draw < 6 ? "C0002" : "C0003";
      all.add(observation(id++, cluster, policy, VENDORS[random.nextInt(4)], MARKETS[random.nextInt(4)],
          CHANNELS[random.nextInt(2)], random.nextInt(28)));
    }
    for (int i = 0; i < 70; i++) {
      all.add(observation(id++, "C0001", "P1", "A", "X", CHANNELS[random.nextInt(2)], 22 + random.nextInt(6)));
    }
    for (int i = 0; i < 60; i++) {
      all.add(observation(id++, "C0002", "P2", "B", MARKETS[random.nextInt(4)], CHANNELS[random.nextInt(2)],
          random.nextInt(28)));
    }
    return all;
  }

  private static Correlation correlate(List<Observation> observations) {
    return new Correlator(PROPERTIES, TAXONOMY).correlate(observations,
        Map.of("C0001", "wrong policy applied", "C0002", "doxxing", "C0003", "other"), START, START.plusDays(27));
  }

  @Test
  void triplesAreCountedOnlyWhenEveryPairInThemIsFrequent() {
    List<Observation> observations = new ArrayList<>(observations());
    // Vendor E works in market V only 3 times: every triple holding E ∧ V is pruned, while E's
    // frequent pairs (with a channel) are counted.
    for (int i = 0; i < 3; i++) {
      observations.add(observation(100_000 + i, "C0003", "P3", "E", "V", "app", i));
    }
    for (int i = 0; i < 30; i++) {
      observations.add(observation(200_000 + i, "C0003", "P3", "E", "W", "app", i % 28));
    }

    CombinationFinder.Result result = new CombinationFinder(PROPERTIES, TAXONOMY).combinations(observations);

    assertThat(result.lifts().keySet()).anyMatch(k -> k.contains("vendor\u0001E") && k.contains("channel\u0001app"));
    assertThat(result.lifts().keySet()).noneMatch(k -> k.contains("vendor\u0001E") && k.contains("market\u0001V"));
    assertThat(result.candidates()).allMatch(c -> c.table().expected() >= Correlator.MIN_EXPECTED);
    assertThat(result.candidates()).anyMatch(c -> c.parts().size() == 3);
  }

  @Test
  void combinationsOfTwoOnlyWhenConfiguredSo() {
    CorrelateProperties pairsOnly = new CorrelateProperties(10, 0.05, 50, 3, "detected_language", 7, 2, List.of("policy"), List.of("vendor", "market", "channel"));

    CombinationFinder.Result result = new CombinationFinder(pairsOnly, TAXONOMY).combinations(observations());

    assertThat(result.candidates()).isNotEmpty().allMatch(c -> c.parts().size() == 2);
  }
}
