package com.escalationrca.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.escalationrca.generate.GeneratedEscalation;
import com.escalationrca.generate.PlantedCause;
import org.junit.jupiter.api.Test;

class RcaBenchmarkTest {

  private static GeneratedEscalation row(String theme, String vendor, String market) {
    Instant t = Instant.parse("2026-11-20T10:00:00Z");
    return new GeneratedEscalation("E", t, t, "text", "spam", vendor, market, "en", "web_form", "P3",
        "no_action", "upheld", theme, false);
  }

  @Test
  void theTrueLiftIsTheCellsShareOfItsThemeOverItsShareOfAll() {
    // 100 rows: theme T has 20, of which 10 are (V, M); (V, M) has 25 rows in all.
    // Expected (V, M) among T = 20 × 25 / 100 = 5, so the lift is 10 / 5 = 2.
    List<GeneratedEscalation> rows = new ArrayList<>();
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
}
