package com.escalationrca.correlate;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Daily counts over the analysis window: the total volume of each day (the exposure), and a
 * cell's daily counts. Provides the spike test of the last days and the onset date.
 */
final class TimeSeries {

  private final LocalDate start;
  private final long[] volume;

  TimeSeries(List<Observation> observations, LocalDate start, LocalDate end) {
    this.start = start;
    this.volume = new long[(int) ChronoUnit.DAYS.between(start, end) + 1];
    for (Observation o : observations) {
      int day = index(o.day());
      if (day >= 0 && day < volume.length) {
        volume[day]++;
      }
    }
  }

  /** The window split into its last days and the days before, with each part's volume. */
  record Split(LocalDate firstRecent, long recentVolume, long baselineVolume) {

    boolean isRecent(LocalDate day) {
      return !day.isBefore(firstRecent);
    }

    /** The recent days' share of the window's volume. */
    double recentShare() {
      long total = recentVolume + baselineVolume;
      return total == 0 ? 0 : (double) recentVolume / total;
    }

    /** The spike test of a set with {@code total} escalations in the window, {@code recent} of them recent. */
    SpikeTest spike(long recent, long total) {
      return SpikeTest.of(recent, total - recent, recentVolume, baselineVolume);
    }
  }

  Split split(int recentDays) {
    int first = Math.max(0, volume.length - recentDays);
    long recent = 0;
    long baseline = 0;
    for (int d = 0; d < volume.length; d++) {
      if (d >= first) {
        recent += volume[d];
      } else {
        baseline += volume[d];
      }
    }
    return new Split(start.plusDays(first), recent, baseline);
  }

  /** A cell over time: its daily counts, the spike test of its last days, and its trend. */
  record Cell(long[] daily, SpikeTest spike, TrendTest trend) {
  }

  Cell cell(List<Observation> members, java.util.function.Predicate<Observation> matches, int recentDays) {
    long[] counts = daily(members, matches);
    return new Cell(counts, spike(counts, recentDays), trend(counts));
  }

  long[] daily(List<Observation> clusterMembers, java.util.function.Predicate<Observation> cell) {
    long[] counts = new long[volume.length];
    for (Observation o : clusterMembers) {
      int day = index(o.day());
      if (day >= 0 && day < counts.length && cell.test(o)) {
        counts[day]++;
      }
    }
    return counts;
  }

  TrendTest trend(long[] counts) {
    return TrendTest.of(counts, volume);
  }

  SpikeTest spike(long[] counts, int recentDays) {
    int split = Math.max(0, counts.length - recentDays);
    long recent = 0;
    long baseline = 0;
    long recentVolume = 0;
    long baselineVolume = 0;
    for (int d = 0; d < counts.length; d++) {
      if (d >= split) {
        recent += counts[d];
        recentVolume += volume[d];
      } else {
        baseline += counts[d];
        baselineVolume += volume[d];
      }
    }
    return SpikeTest.of(recent, baseline, recentVolume, baselineVolume);
  }

  /**
   * The first day of the excess that ends the window, from a CUSUM against volume-proportional
   * expected counts; the first recent day if the CUSUM finds none.
   */
  LocalDate onset(long[] counts, int recentDays) {
    long total = 0;
    long allVolume = 0;
    for (int d = 0; d < counts.length; d++) {
      total += counts[d];
      allVolume += volume[d];
    }
    double[] observed = new double[counts.length];
    double[] expected = new double[counts.length];
    for (int d = 0; d < counts.length; d++) {
      observed[d] = counts[d];
      expected[d] = allVolume == 0 ? 0 : (double) total * volume[d] / allVolume;
    }
    int day = Onset.of(observed, expected);
    return start.plusDays(day >= 0 ? day : Math.max(0, counts.length - recentDays));
  }

  private int index(LocalDate day) {
    return (int) ChronoUnit.DAYS.between(start, day);
  }
}
