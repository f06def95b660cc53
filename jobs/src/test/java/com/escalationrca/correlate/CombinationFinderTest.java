package com.escalationrca.correlate;

import static com.escalationrca.correlate.CrossPolicyEscalations.PROPERTIES;
import static com.escalationrca.correlate.CrossPolicyEscalations.TAXONOMY;
import static com.escalationrca.correlate.CrossPolicyEscalations.observation;
import static com.escalationrca.correlate.CrossPolicyEscalations.observations;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class CombinationFinderTest {

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
