package com.escalationrca.explain;

import java.time.LocalDate;
import java.util.List;

/**
 * The answer: the headline change, the explanations by rank, how many candidates were tested, the
 * share of the change that the explanations shown together leave unexplained, the population's
 * escalations day by day over both periods (for the chart), the events of those days concerning the
 * population, and notes on what was left out and why.
 */
public record Explained(Change change, List<Explanation> explanations, int tested, double unexplained,
                        List<Day> daily, List<com.escalationrca.events.Event> events, List<String> notes) {

  /**
   * The window against what the baseline predicts for it: for {@code metric} count, its escalations
   * against the baseline's daily rate; for share:DIM=VALUE, its escalations with the value against
   * the baseline's share of them ({@code ratio}: the window's share over the baseline's).
   */
  public record Change(String window, String baseline, String where, long observed, long baselineObserved,
                       double expected, double excess, double ratio, String summary, String metric) {
  }

  /** One day's escalations of the population ({@code hits}: those with a share metric's value), and its period. */
  public record Day(LocalDate day, long escalations, Long hits, Period period) {
  }

  /** Where a day falls. */
  public enum Period { WINDOW, BASELINE, NEITHER }
}
