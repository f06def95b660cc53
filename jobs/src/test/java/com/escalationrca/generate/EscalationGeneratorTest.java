package com.escalationrca.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class EscalationGeneratorTest {

  private static final GeneratorSpec SPEC = new GeneratorSpec(6000, 56, 11, LocalDate.of(2026, 3, 1), 2);

  private static List<GeneratedEscalation> generate(GeneratorSpec spec) {
    List<GeneratedEscalation> rows = new ArrayList<>();
    new EscalationGenerator().generate(spec, rows::add);
    return rows;
  }

  @Test
  void isDeterministicForASeedAndDiffersForAnother() {
    assertThat(generate(SPEC)).isEqualTo(generate(SPEC));
    assertThat(generate(new GeneratorSpec(6000, 56, 12, SPEC.lastDay(), 2))).isNotEqualTo(generate(SPEC));
  }

  @Test
  void plantsEachCauseWithItsCountFromItsStartDate() {
    List<GeneratedEscalation> rows = new ArrayList<>();
    GroundTruth truth = new EscalationGenerator().generate(SPEC, rows::add);

    assertThat(rows).hasSize(6000);
    assertThat(truth.causes()).hasSize(2);
    for (PlantedCause cause : truth.causes()) {
      List<GeneratedEscalation> planted = rows.stream().filter(GeneratedEscalation::planted)
          .filter(r -> r.theme().equals(cause.theme()) && r.vendor().equals(cause.vendor())).toList();
      assertThat(planted).hasSize(cause.count());
      assertThat(planted).allMatch(r -> r.market().equals(cause.market()) && r.policy().equals(cause.policy())
          && !r.created().atZone(ZoneOffset.UTC).toLocalDate().isBefore(cause.start()));
    }
  }

  @Test
  void coversTheDimensionsInThreeLanguagesWithWeekdaySeasonality() {
    List<GeneratedEscalation> rows = generate(SPEC);

    assertThat(rows.stream().map(GeneratedEscalation::policy).distinct().count()).isGreaterThanOrEqualTo(8);
    assertThat(rows.stream().map(GeneratedEscalation::vendor).distinct().count()).isGreaterThanOrEqualTo(6);
    assertThat(rows.stream().map(GeneratedEscalation::market).distinct().count()).isGreaterThanOrEqualTo(8);
    assertThat(rows).anyMatch(r -> r.narrative().contains("@"))
        .anyMatch(r -> r.narrative().contains("https://"))
        .anyMatch(r -> r.narrative().contains("TCK-"));
    Map<String, Long> languages = rows.stream().collect(Collectors.groupingBy(
        r -> r.language().substring(0, 2).toLowerCase(), Collectors.counting()));
    assertThat(languages.keySet()).containsExactlyInAnyOrder("en", "pt", "es");
    Map<DayOfWeek, Long> byDay = rows.stream().filter(r -> !r.planted()).collect(Collectors.groupingBy(
        r -> r.created().atZone(ZoneOffset.UTC).getDayOfWeek(), Collectors.counting()));
    assertThat(byDay.get(DayOfWeek.MONDAY)).isGreaterThan(byDay.get(DayOfWeek.SUNDAY) * 13 / 10);
  }

  @Test
  void aRampCauseStartsThreeToFourWeeksBeforeTheEndAndRisesToIt() {
    GeneratorSpec ramp = new GeneratorSpec(6000, 56, 11, SPEC.lastDay(), 1, 300, List.of(), CauseShape.RAMP);
    List<GeneratedEscalation> rows = new ArrayList<>();
    GroundTruth truth = new EscalationGenerator().generate(ramp, rows::add);
    PlantedCause cause = truth.causes().get(0);

    assertThat(cause.start()).isBetween(SPEC.lastDay().minusDays(28), SPEC.lastDay().minusDays(21));
    java.time.LocalDate lastWeek = SPEC.lastDay().minusDays(6);
    long early = rows.stream().filter(GeneratedEscalation::planted)
        .filter(r -> r.created().atZone(java.time.ZoneOffset.UTC).toLocalDate().isBefore(cause.start().plusDays(7))).count();
    long late = rows.stream().filter(GeneratedEscalation::planted)
        .filter(r -> !r.created().atZone(java.time.ZoneOffset.UTC).toLocalDate().isBefore(lastWeek)).count();
    // Linear growth over ~25 days: the first week holds about 1/10 of the cases, the last about 1/2.
    assertThat(late).isGreaterThan(3 * early);
    assertThat(rows.stream().filter(GeneratedEscalation::planted).count()).isEqualTo(300);
  }
}
