package com.escalationrca.correlate;

import static com.escalationrca.correlate.CrossPolicyEscalations.PROPERTIES;
import static com.escalationrca.correlate.CrossPolicyEscalations.TAXONOMY;
import static com.escalationrca.correlate.CrossPolicyEscalations.observation;
import static com.escalationrca.correlate.CrossPolicyEscalations.observations;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.escalationrca.ingest.Taxonomy;
import org.junit.jupiter.api.Test;

class CellCountsTest {

  private static List<Candidate> cells(CorrelateProperties properties, Taxonomy taxonomy,
                                                  List<Observation> observations) {
    return new CellCounts(properties, taxonomy).candidates(observations, new Populations(observations, taxonomy));
  }

  private static boolean holds(Candidate c, String dimension, String value) {
    return c.parts().stream().anyMatch(p -> p.dimension().name().equals(dimension) && p.value().equals(value));
  }

  @Test
  void valueSetsRarerThanMinSupportAreNeverCountedAndTriplesNeedFrequentPairs() {
    List<Observation> observations = new ArrayList<>(observations());
    // Vendor E works in market V only 3 times: no cell holds E ∧ V, while E's frequent pair with a
    // channel is counted.
    for (int i = 0; i < 3; i++) {
      observations.add(observation(100_000 + i, "C0003", "P3", "E", "V", "app", i));
    }
    for (int i = 0; i < 30; i++) {
      observations.add(observation(200_000 + i, "C0003", "P3", "E", "W", "app", i % 28));
    }

    List<Candidate> cells = cells(PROPERTIES, TAXONOMY, observations);

    assertThat(cells).anyMatch(c -> holds(c, "vendor", "E") && holds(c, "channel", "app"));
    assertThat(cells).noneMatch(c -> holds(c, "vendor", "E") && holds(c, "market", "V"));
    assertThat(cells).noneMatch(c -> c.parts().size() == 1 && holds(c, "market", "V"));
    assertThat(cells).allMatch(c -> c.table().maxObserved() >= PROPERTIES.minSupport());
    assertThat(cells).anyMatch(c -> c.parts().size() == 3);
  }

  @Test
  void combinationsOfTwoOnlyWhenConfiguredSo() {
    CorrelateProperties pairsOnly = new CorrelateProperties(10, 0.05, 50, 3, "detected_language", 7, 2,
        List.of("policy"), List.of("vendor", "market", "channel"));

    List<Candidate> cells = cells(pairsOnly, TAXONOMY, observations());

    assertThat(cells).anyMatch(c -> c.parts().size() == 2).noneMatch(c -> c.parts().size() == 3);
  }

  @Test
  void everyPolicyIsAPopulationWhoseCellsNeverRepeatThePolicy() {
    Taxonomy withPopulations = new Taxonomy(List.of(
        new Taxonomy.Dimension("policy", "under policy", Map.of(), true, true),
        new Taxonomy.Dimension("vendor", "from vendor", Map.of(), false),
        new Taxonomy.Dimension("market", "in market", Map.of(), false),
        new Taxonomy.Dimension("channel", "via channel", Map.of(), false)));
    List<Observation> observations = observations();

    List<Candidate> cells = cells(PROPERTIES, withPopulations, observations);

    assertThat(cells).extracting(c -> c.population().key()).contains("C0001", "C0002", "C0003",
        "policy=P1", "policy=P2", "policy=P3", "policy=P4");
    Candidate cell = cells.stream().filter(c -> c.population().key().equals("policy=P1")
        && c.parts().size() == 2 && holds(c, "vendor", "A") && holds(c, "market", "X")).findFirst().orElseThrow();
    // Counted independently: P1 ∧ A ∧ X in the window, and its expected count within the one stratum.
    long inCell = observations.stream().filter(o -> o.dimensions().get("policy").equals("P1")
        && o.dimensions().get("vendor").equals("A") && o.dimensions().get("market").equals("X")).count();
    long policy = observations.stream().filter(o -> o.dimensions().get("policy").equals("P1")).count();
    long values = observations.stream().filter(o -> o.dimensions().get("vendor").equals("A")
        && o.dimensions().get("market").equals("X")).count();
    assertThat(cell.table().observed()).isEqualTo(inCell);
    assertThat(cell.table().expected()).isCloseTo((double) policy * values / observations.size(),
        org.assertj.core.api.Assertions.within(1e-9));
    assertThat(cell.dimensionName()).isEqualTo("policy ∧ vendor ∧ market");
    assertThat(cell.value()).isEqualTo("P1 ∧ A ∧ X");
  }
}
