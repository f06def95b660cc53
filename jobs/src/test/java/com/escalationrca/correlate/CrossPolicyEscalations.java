package com.escalationrca.correlate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import com.escalationrca.ingest.Taxonomy;

/**
 * A window with a cross-policy cluster, a one-policy cluster and two planted causes, shared by the
 * combination and drill-down tests.
 */
final class CrossPolicyEscalations {

  static final LocalDate START = LocalDate.of(2026, 3, 1);
  static final Taxonomy TAXONOMY = new Taxonomy(List.of(
      new Taxonomy.Dimension("policy", "under policy", Map.of(), true),
      new Taxonomy.Dimension("vendor", "from vendor", Map.of(), false),
      new Taxonomy.Dimension("market", "in market", Map.of(), false),
      new Taxonomy.Dimension("channel", "via channel", Map.of(), false)));
  static final CorrelateProperties PROPERTIES =
      new CorrelateProperties(10, 0.05, 50, 3, "detected_language", 7, 3, List.of("policy"), List.of("vendor", "market", "channel"));
  private static final String[] POLICIES = {"P1", "P2", "P3", "P4"};
  private static final String[] VENDORS = {"A", "B", "C", "D"};
  private static final String[] MARKETS = {"W", "X", "Y", "Z"};
  private static final String[] CHANNELS = {"app", "web"};

  static Observation observation(int id, String cluster, String policy, String vendor, String market,
                                         String channel, int day) {
    return new Observation("E" + id, cluster, 0.5, START.plusDays(day), Map.of("policy", policy,
        "vendor", vendor, "market", market, "channel", channel, "detected_language", "en"));
  }

  /**
   * 6,000 escalations at random. Cluster C0001 ("wrong policy applied") occurs under every policy;
   * C0002 is all policy P2 (a cluster about one policy's problem); C0003 is the rest. Planted: 70
   * escalations in C0001 under P1 from vendor A in market X (the vendor misapplies one policy in one
   * market), and 60 in C0002 from vendor B in the last week (concentrated in a one-policy cluster).
   */
  static List<Observation> observations() {
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
          21 + random.nextInt(7)));
    }
    return all;
  }

  static Correlation correlate(List<Observation> observations) {
    return new Correlator(PROPERTIES, TAXONOMY).correlate(observations,
        Map.of("C0001", "wrong policy applied", "C0002", "doxxing", "C0003", "other"), START, START.plusDays(27));
  }

  private CrossPolicyEscalations() {
  }
}
