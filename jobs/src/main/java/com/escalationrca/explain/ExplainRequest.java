package com.escalationrca.explain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import com.escalationrca.ingest.Field;

/**
 * A program manager's question: what explains the change in this window (days, both included)
 * against that baseline, within these dimension values, in this direction.
 */
public record ExplainRequest(LocalDate from, LocalDate to, LocalDate baselineFrom, LocalDate baselineTo,
                             Map<String, String> where, Direction direction, int limit) {

  /** Which change to explain: a rise, a dip, or whichever the window shows. */
  public enum Direction { RISE, DIP, BOTH }

  public ExplainRequest {
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("the window ends (" + to + ") before it starts (" + from + ")");
    }
    if (baselineTo.isBefore(baselineFrom)) {
      throw new IllegalArgumentException("the baseline ends (" + baselineTo + ") before it starts (" + baselineFrom + ")");
    }
    if (!baselineTo.isBefore(from) && !baselineFrom.isAfter(to)) {
      throw new IllegalArgumentException("the baseline " + baselineFrom + " – " + baselineTo + " overlaps the window "
          + from + " – " + to + "; a baseline is another period");
    }
    for (String dimension : where.keySet()) {
      if (!Field.DIMENSIONS.contains(Field.byKey(dimension).orElse(Field.ID))) {
        throw new IllegalArgumentException("--where " + dimension + "=…: '" + dimension + "' is not a dimension (one of "
            + String.join(", ", Field.DIMENSIONS.stream().map(Field::key).toList()) + ")");
      }
    }
    if (limit < 1) {
      throw new IllegalArgumentException("--limit must be at least 1, was " + limit);
    }
    where = new LinkedHashMap<>(where);
  }

  /** The default baseline: the period just before the window, four times as long. */
  public static ExplainRequest previous(LocalDate from, LocalDate to, Map<String, String> where, Direction direction,
                                        int limit) {
    long days = ChronoUnit.DAYS.between(from, to) + 1;
    return new ExplainRequest(from, to, from.minusDays(4 * days), from.minusDays(1), where, direction, limit);
  }

  public long windowDays() {
    return ChronoUnit.DAYS.between(from, to) + 1;
  }

  public long baselineDays() {
    return ChronoUnit.DAYS.between(baselineFrom, baselineTo) + 1;
  }
}
