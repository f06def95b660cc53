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
  void aRunDateAfterTomorrowIsAUsageErrorSaidInOneLineBeforeAnythingStarts() {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    java.io.StringWriter err = new java.io.StringWriter();
    CommandLine commandLine = EscalationRca.commandLine();
    commandLine.setErr(new java.io.PrintWriter(err, true));

    assertThat(commandLine.execute("run", "--date", "2062-06-01", "--data-dir", "target/never-created")).isEqualTo(2);
    assertThat(err.toString().strip()).isEqualTo("error: the run date 2062-06-01 is in the future (today is " + today
        + " UTC; the latest run date allowed is " + today.plusDays(1) + "): check the date");
    assertThat(java.nio.file.Path.of("target/never-created")).doesNotExist();
    com.escalationrca.run.FutureRunDateException.check(today.plusDays(1), today);
  }

  @Test
  void aWrongDateIsAUsageErrorWithExitCodeTwo() {
    assertThat(EscalationRca.commandLine().execute("run", "--date", "someday")).isEqualTo(2);
  }
}
