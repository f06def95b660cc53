package com.escalationrca.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class RunDateTest {

  @Test
  void aSchedulerCanSayYesterdayOrTodayOrADate() {
    RunDate converter = new RunDate();
    LocalDate today = LocalDate.now(ZoneOffset.UTC);

    assertThat(converter.convert("2026-11-24")).isEqualTo(LocalDate.of(2026, 11, 24));
    assertThat(converter.convert("today")).isEqualTo(today);
    assertThat(converter.convert("yesterday")).isEqualTo(today.minusDays(1));
    assertThatThrownBy(() -> converter.convert("2026-13-45"))
        .isInstanceOf(CommandLine.TypeConversionException.class)
        .hasMessage("'2026-13-45' is not a date (YYYY-MM-DD, today or yesterday)");
  }

  @Test
  void aWrongDateIsAUsageErrorWithExitCodeTwo() {
    assertThat(EscalationRca.commandLine().execute("run", "--date", "someday")).isEqualTo(2);
  }
}
