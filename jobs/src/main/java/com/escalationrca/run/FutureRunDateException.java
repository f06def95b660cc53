package com.escalationrca.run;

import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A run date after tomorrow (UTC) is refused: it is a typo ({@code 2062-06-01}), and a night dated
 * in the future would count its window, its spikes and "ended" causes from a day that has not come.
 * Tomorrow is allowed, so a scheduler east of UTC can name its own local date.
 */
public final class FutureRunDateException extends IllegalArgumentException {

  private FutureRunDateException(String message) {
    super(message);
  }

  /** Throws when {@code date} is after the day after {@code today}. */
  public static void check(LocalDate date, LocalDate today) {
    LocalDate latest = today.plusDays(1);
    if (date.isAfter(latest)) {
      throw new FutureRunDateException("the run date " + date + " is in the future (today is " + today
          + " UTC; the latest run date allowed is " + latest + "): check the date");
    }
  }

  /** {@link #check(LocalDate, LocalDate)} against today's date in UTC. */
  public static void check(LocalDate date) {
    check(date, LocalDate.now(ZoneOffset.UTC));
  }
}
