package com.escalationrca.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

class FindingChangesTest {

  @Test
  void findingsAreNewOrContinuingAndMissingOnesHaveEnded() {
    String vendor = FindingChanges.key("concentration", "C0003", "vendor", "Atlas Review");
    String market = FindingChanges.key("concentration", "C0003", "market", "BR");
    String pair = FindingChanges.key("concentration", "C0007", "vendor ∧ market", "Lumen CX ∧ PT");
    Set<String> lastNight = Set.of(vendor, pair);

    assertThat(FindingChanges.change(vendor, lastNight)).isEqualTo(FindingChanges.CONTINUING);
    assertThat(FindingChanges.change(market, lastNight)).isEqualTo(FindingChanges.NEW);
    assertThat(FindingChanges.ended(lastNight, Set.of(vendor, market))).containsExactly(pair);
  }
}
