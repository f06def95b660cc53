package com.escalationrca.track;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ResolutionEffectTest {

  private static final LocalDate RESOLVED = LocalDate.of(2026, 11, 12);

  /** 14 days before and 7 after, 200 escalations a day; the cause's daily count before and after. */
  private static List<ResolutionEffect.Day> days(int before, int after) {
    List<ResolutionEffect.Day> days = new ArrayList<>();
    for (int i = -14; i < 7; i++) {
      days.add(new ResolutionEffect.Day(RESOLVED.plusDays(i), i < 0 ? before : after, 200));
    }
    return days;
  }

  @Test
  void aCauseThatFellAfterItsResolutionIsDownSignificantly() {
    ResolutionEffect effect = ResolutionEffect.of(RESOLVED, null, days(10, 3));

    assertThat(effect.before()).isEqualTo(140);
    assertThat(effect.after()).isEqualTo(21);
    assertThat(effect.change()).isCloseTo(-0.7, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(effect.pValue()).isLessThan(0.001);
    assertThat(effect.sentence()).isEqualTo("down 70 % since resolved on 12 Nov (21 vs 70.0 expected at the old share, p < 0.001)");
  }

  @Test
  void anUnchangedCauseIsSaidToBeUnchanged() {
    ResolutionEffect effect = ResolutionEffect.of(RESOLVED, null, days(10, 10));

    assertThat(effect.pValue()).isGreaterThan(0.05);
    assertThat(effect.sentence()).startsWith("no significant change since resolved on 12 Nov");
  }

  @Test
  void theShareNotTheCountIsCompared() {
    // Volume halves after the resolution and the cause with it: its share did not move.
    List<ResolutionEffect.Day> days = new ArrayList<>();
    for (int i = -14; i < 7; i++) {
      days.add(new ResolutionEffect.Day(RESOLVED.plusDays(i), i < 0 ? 10 : 5, i < 0 ? 200 : 100));
    }
    ResolutionEffect effect = ResolutionEffect.of(RESOLVED, null, days);

    assertThat(effect.change()).isCloseTo(0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(effect.pValue()).isGreaterThan(0.5);
  }

  @Test
  void aResolutionOnTheLastDayIsTooSoonToMeasure() {
    List<ResolutionEffect.Day> days = days(10, 3).subList(0, 14);
    ResolutionEffect effect = ResolutionEffect.of(RESOLVED, null, days);

    assertThat(effect.measured()).isFalse();
    assertThat(effect.sentence()).contains("too soon to measure");
  }

  @Test
  void theBeforePeriodStartsAtTheOnset() {
    ResolutionEffect effect = ResolutionEffect.of(RESOLVED, RESOLVED.minusDays(7), days(10, 3));

    assertThat(effect.before()).isEqualTo(70);
    assertThat(effect.beforeVolume()).isEqualTo(1400);
  }
}
