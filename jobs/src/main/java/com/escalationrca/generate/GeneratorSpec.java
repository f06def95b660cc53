package com.escalationrca.generate;

import java.time.LocalDate;

/**
 * What to generate: {@code escalations} rows over the {@code days} days ending on {@code lastDay},
 * with {@code causes} planted root causes of {@code casesPerCause} escalations each (0: about 1.5 %
 * of the rows, at least 20); the first causes plant the {@code causeThemes} named, the rest random
 * themes; {@code causeShape} says whether causes start as a step or ramp up slowly. The same spec
 * always yields the same file.
 */
public record GeneratorSpec(long escalations, int days, long seed, LocalDate lastDay, int causes,
                            int casesPerCause, java.util.List<String> causeThemes, CauseShape causeShape) {

  public GeneratorSpec(long escalations, int days, long seed, LocalDate lastDay, int causes) {
    this(escalations, days, seed, lastDay, causes, 0);
  }

  public GeneratorSpec(long escalations, int days, long seed, LocalDate lastDay, int causes, int casesPerCause) {
    this(escalations, days, seed, lastDay, causes, casesPerCause, java.util.List.of());
  }

  public GeneratorSpec(long escalations, int days, long seed, LocalDate lastDay, int causes, int casesPerCause,
                       java.util.List<String> causeThemes) {
    this(escalations, days, seed, lastDay, causes, casesPerCause, causeThemes, CauseShape.STEP);
  }

  public GeneratorSpec {
    if (escalations < 1) {
      throw new IllegalArgumentException("--escalations must be at least 1, was " + escalations);
    }
    if (days < 7) {
      throw new IllegalArgumentException("--days must be at least 7 (one week of seasonality), was " + days);
    }
    if (casesPerCause < 0) {
      throw new IllegalArgumentException("--cases-per-cause must not be negative, was " + casesPerCause);
    }
    if (causes < 0 || causes > 16) {
      throw new IllegalArgumentException("--causes must be between 0 and 16, was " + causes);
    }
    causeThemes = java.util.List.copyOf(causeThemes);
    causeShape = causeShape == null ? CauseShape.STEP : causeShape;
    if (causeThemes.size() > causes || causeThemes.stream().distinct().count() < causeThemes.size()) {
      throw new IllegalArgumentException("--cause-theme names " + causeThemes
          + ": at most --causes (" + causes + ") distinct themes");
    }
  }

  public LocalDate firstDay() {
    return lastDay.minusDays(days - 1L);
  }
}
