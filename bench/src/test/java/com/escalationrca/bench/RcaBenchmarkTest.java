package com.escalationrca.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.escalationrca.correlate.Finding;
import com.escalationrca.generate.PlantedCause;
import org.junit.jupiter.api.Test;

class RcaBenchmarkTest {

  private static RcaBenchmark.Row row(String theme, String vendor, String market) {
    return row(theme, "spam", vendor, market);
  }

  private static RcaBenchmark.Row row(String theme, String policy, String vendor, String market) {
    return new RcaBenchmark.Row("E", theme, false, LocalDate.of(2026, 11, 20),
        Map.of("policy", policy, "vendor", vendor, "market", market), null);
  }

  private static Finding finding(String dimension, String value) {
    return new Finding(1, Finding.CONCENTRATION, "C0001", "label", dimension, value, 20, 5, 4, 2, 6, 1e-6, 1e-5, 10, 2, 0.01, null, 0,
        1, 0.01, 3, "summary", List.of(), 1);
  }

  @Test
  void theTrueLiftIsTheCellsShareOfItsThemeOverItsShareOfAll() {
    // 100 rows: theme T has 20, of which 10 are (V, M); (V, M) has 25 rows in all.
    // Expected (V, M) among T = 20 × 25 / 100 = 5, so the lift is 10 / 5 = 2.
    List<RcaBenchmark.Row> rows = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      rows.add(row("T", "V", "M"));
    }
    for (int i = 0; i < 10; i++) {
      rows.add(row("T", "W", "M"));
    }
    for (int i = 0; i < 15; i++) {
      rows.add(row("U", "V", "M"));
    }
    for (int i = 0; i < 65; i++) {
      rows.add(row("U", "W", "N"));
    }
    PlantedCause cause = new PlantedCause("T", "spam", "V", "M", LocalDate.of(2026, 11, 15), 10, List.of());

    assertThat(RcaBenchmark.trueLift(rows, cause)).isCloseTo(2.0, within(1e-12));
  }

  @Test
  void aCrossPolicyCausesTrueLiftIsMeasuredAmongItsPolicysEscalations() {
    // Policy spam has 50 rows: theme X has 10 of them, 6 from (V, M); (V, M) has 10 spam rows.
    // Expected among spam = 10 × 10 / 50 = 2, so the lift is 6 / 2 = 3. Theme X also occurs under
    // policy scam, which must not count.
    List<RcaBenchmark.Row> rows = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      rows.add(row("X", "spam", "V", "M"));
    }
    for (int i = 0; i < 4; i++) {
      rows.add(row("X", "spam", "W", "N"));
    }
    for (int i = 0; i < 4; i++) {
      rows.add(row("U", "spam", "V", "M"));
    }
    for (int i = 0; i < 36; i++) {
      rows.add(row("U", "spam", "W", "N"));
    }
    for (int i = 0; i < 30; i++) {
      rows.add(row("X", "scam", "V", "M"));
    }
    PlantedCause cause = new PlantedCause("X", "spam", "V", "M", LocalDate.of(2026, 11, 15), 6, List.of());

    assertThat(RcaBenchmark.trueLift(rows, cause)).isCloseTo(3.0, within(1e-12));
  }

  @Test
  void aFindingNamesACauseWhenItHoldsItsVendorAndNothingButItsOtherValues() {
    PlantedCause cause = new PlantedCause("X", "spam", "V", "M", LocalDate.of(2026, 11, 15), 6, List.of());

    assertThat(RcaBenchmark.names(finding("vendor", "V"), cause)).isTrue();
    assertThat(RcaBenchmark.names(finding("vendor ∧ market", "V ∧ M"), cause)).isTrue();
    assertThat(RcaBenchmark.names(finding("policy ∧ vendor ∧ market", "spam ∧ V ∧ M"), cause)).isTrue();
    assertThat(RcaBenchmark.names(finding("policy ∧ vendor ∧ market", "scam ∧ V ∧ M"), cause)).isFalse();
    assertThat(RcaBenchmark.names(finding("market", "M"), cause)).isFalse();
    assertThat(RcaBenchmark.names(finding("vendor ∧ channel", "V ∧ api"), cause)).isFalse();
  }

  @Test
  void aCausePlantedIntoRealComplaintsIsNamedByItsCompanyAndIssueButNotByAState() {
    PlantedCause cause = new PlantedCause("Trouble during payment process", "Trouble during payment process",
        "ACME BANK", null, LocalDate.of(2023, 8, 26), 20, List.of());

    assertThat(RcaBenchmark.names(finding("vendor", "ACME BANK"), cause)).isTrue();
    assertThat(RcaBenchmark.names(finding("policy ∧ vendor", "Trouble during payment process ∧ ACME BANK"), cause)).isTrue();
    assertThat(RcaBenchmark.names(finding("vendor ∧ market", "ACME BANK ∧ TX"), cause)).isFalse();
  }
}
