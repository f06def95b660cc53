package com.escalationrca.track;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.apache.commons.math3.stat.inference.AlternativeHypothesis;
import org.apache.commons.math3.stat.inference.BinomialTest;

/**
 * Did the fix work? The cause's escalations before its resolution date (from its onset, or the
 * window's start) against after, as a share of all escalations of its population in each period
 * (so a quiet week is not mistaken for a fix). Under no change, the number after, out of all the
 * cause's escalations, is binomial with the after period's share of the volume: an exact two-sided
 * test.
 */
public record ResolutionEffect(LocalDate resolvedOn, long before, long beforeVolume, long after, long afterVolume,
                               double change, double pValue) {

  /** One day: the cause's escalations and its population's. */
  public record Day(LocalDate day, long matching, long volume) {
  }

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

  public static ResolutionEffect of(LocalDate resolvedOn, LocalDate from, List<Day> days) {
    long before = 0;
    long beforeVolume = 0;
    long after = 0;
    long afterVolume = 0;
    for (Day d : days) {
      if (from != null && d.day().isBefore(from)) {
        continue;
      }
      if (d.day().isBefore(resolvedOn)) {
        before += d.matching();
        beforeVolume += d.volume();
      } else {
        after += d.matching();
        afterVolume += d.volume();
      }
    }
    double beforeRate = beforeVolume == 0 ? 0 : (double) before / beforeVolume;
    double afterRate = afterVolume == 0 ? 0 : (double) after / afterVolume;
    double change = beforeRate == 0 ? (afterRate == 0 ? 0 : Double.POSITIVE_INFINITY) : afterRate / beforeRate - 1;
    double p = 1;
    if (before + after > 0 && beforeVolume > 0 && afterVolume > 0) {
      double share = (double) afterVolume / (beforeVolume + afterVolume);
      p = new BinomialTest().binomialTest((int) (before + after), (int) after, share, AlternativeHypothesis.TWO_SIDED);
    }
    return new ResolutionEffect(resolvedOn, before, beforeVolume, after, afterVolume, change, p);
  }

  /** Measurable: both periods have escalations of the population. */
  public boolean measured() {
    return beforeVolume > 0 && afterVolume > 0;
  }

  /** "down 64 % since resolved on 12 Nov (12 vs 41 expected at the old share, p < 0.001)". */
  public String sentence() {
    if (!measured()) {
      return "resolved on " + DAY.format(resolvedOn) + "; too soon to measure (no escalations after it in the window yet)";
    }
    double expected = beforeVolume == 0 ? 0 : (double) before / beforeVolume * afterVolume;
    String direction = pValue >= 0.05 ? "no significant change"
        : change < 0 ? String.format(Locale.ROOT, "down %.0f %%", -change * 100)
        : String.format(Locale.ROOT, "up %.0f %%", change * 100);
    return String.format(Locale.ROOT, "%s since resolved on %s (%d vs %.1f expected at the old share, %s)", direction,
        DAY.format(resolvedOn), after, expected, pValue < 0.001 ? "p < 0.001" : String.format(Locale.ROOT, "p = %.3f", pValue));
  }
}
