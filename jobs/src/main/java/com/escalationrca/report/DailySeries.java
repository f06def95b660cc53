package com.escalationrca.report;

import java.time.LocalDate;
import java.util.List;

/**
 * A finding's escalations day by day over the window: how many were observed, and how many were
 * expected had its values kept their usual share of the population (the cluster, or all
 * escalations) from before the onset. The onset is where a surge starts (none for a finding that
 * is a standing concentration).
 */
public record DailySeries(int rank, LocalDate onset, List<Day> days) {

  public record Day(LocalDate day, long observed, double expected) {
  }

  public DailySeries {
    days = List.copyOf(days);
  }

  public long observed() {
    return days.stream().mapToLong(Day::observed).sum();
  }
}
