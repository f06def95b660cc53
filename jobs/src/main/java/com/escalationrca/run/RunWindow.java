package com.escalationrca.run;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * What one nightly run covers: escalations changed in (watermarkFrom, watermarkTo] are analysed
 * and indexed (all of them when watermarkFrom is null: first run or --full); those created between
 * windowStart and windowEnd (inclusive, UTC) are clustered and correlated.
 */
public record RunWindow(long runId, LocalDate runDate, boolean full, LocalDate windowStart,
                        LocalDate windowEnd, Instant watermarkFrom, Instant watermarkTo) {

  public Instant windowStartInstant() {
    return windowStart.atStartOfDay().toInstant(ZoneOffset.UTC);
  }

  /** Exclusive end: the start of the day after the run date. */
  public Instant windowEndInstant() {
    return windowEnd.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
  }
}
