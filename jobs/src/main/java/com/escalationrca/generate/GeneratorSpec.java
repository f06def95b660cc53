package com.escalationrca.generate;

import java.time.LocalDate;

/**
 * What to generate: {@code escalations} rows over the {@code days} days ending on {@code lastDay},
 * with {@code causes} planted root causes. The same spec always yields the same file.
 */
public record GeneratorSpec(long escalations, int days, long seed, LocalDate lastDay, int causes) {

  public GeneratorSpec {
    if (escalations < 1) {
      throw new IllegalArgumentException("--escalations must be at least 1, was " + escalations);
    }
    if (days < 7) {
      throw new IllegalArgumentException("--days must be at least 7 (one week of seasonality), was " + days);
    }
    if (causes < 0 || causes > 16) {
      throw new IllegalArgumentException("--causes must be between 0 and 16, was " + causes);
    }
  }

  public LocalDate firstDay() {
    return lastDay.minusDays(days - 1L);
  }
}
