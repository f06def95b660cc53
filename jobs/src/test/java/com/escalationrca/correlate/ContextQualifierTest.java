package com.escalationrca.correlate;

import static com.escalationrca.correlate.CrossPolicyEscalations.correlate;
import static com.escalationrca.correlate.CrossPolicyEscalations.observations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;


import org.junit.jupiter.api.Test;

class ContextQualifierTest {

  @Test
  void aVendorMisapplyingOnePolicyInOneMarketIsTheTopFindingAsAPolicyVendorMarketTriple() {
    Correlation correlation = correlate(observations());

    Finding top = correlation.findings().get(0);
    assertThat(top.clusterId()).isEqualTo("C0001");
    assertThat(top.dimension()).isEqualTo("policy ∧ vendor ∧ market");
    assertThat(top.value()).isEqualTo("P1 ∧ A ∧ X");
    assertThat(top.summary()).contains("'wrong policy applied' escalations under policy P1 from vendor A in market X");
    // It beats every part it is made of, each of which is weaker or not a finding at all.
    assertThat(correlation.findings()).filteredOn(f -> f.clusterId().equals("C0001") && f != top)
        .allSatisfy(f -> assertThat(f.lift()).isLessThan(top.liftLow()));
  }

  @Test
  void aVendorConcentratedInAOnePolicyClusterIsNotReportedAgainWithThatPolicy() {
    Correlation correlation = correlate(observations());

    assertThat(correlation.findings()).anyMatch(f -> f.clusterId().equals("C0002")
        && f.dimension().equals("vendor") && f.value().equals("B"));
    // Inside and outside B's escalations C0002 is all P2: the policy adds nothing to say.
    assertThat(correlation.findings()).noneMatch(f -> f.clusterId().equals("C0002")
        && f.dimension().startsWith("policy"));
  }

  @Test
  void fishersExactTestGivesTheLadyTastingTeaProbabilities() {
    // Fisher (1935), The Design of Experiments, ch. 2: 8 cups, 4 with milk first; a taster who
    // picks 4 by chance names all 4 with probability 1/70 and at least 3 with probability 17/70.
    assertThat(ContextQualifier.fisherGreater(4, 4, 4, 8)).isCloseTo(1.0 / 70, within(1e-12));
    assertThat(ContextQualifier.fisherGreater(3, 4, 4, 8)).isCloseTo(17.0 / 70, within(1e-12));
    assertThat(ContextQualifier.fisherGreater(0, 4, 4, 8)).isCloseTo(1.0, within(1e-12));
  }
}
