package com.escalationrca.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.escalationrca.correlate.CorrelateProperties;
import com.escalationrca.correlate.Finding;
import com.escalationrca.correlate.FindingMembers;
import com.escalationrca.correlate.FindingStore;
import com.escalationrca.correlate.Observation;
import com.escalationrca.run.RunLedger;
import com.escalationrca.run.RunWindow;
import org.springframework.stereotype.Component;

/**
 * The escalations behind a published finding and its daily series, recomputed from the run's
 * stored cluster assignments with the same membership rule the correlate step used, so the list
 * a manager opens is exactly the finding's observed count. A run's window is read once and kept
 * for the few most recent runs (a served morning read asks for every top finding).
 */
@Component
public class FindingSeries {

  private static final int RUNS_KEPT = 3;

  private final FindingStore store;
  private final RunLedger ledger;
  private final CorrelateProperties correlate;
  private final Map<Long, Window> windows = new ConcurrentHashMap<>();

  public FindingSeries(FindingStore store, RunLedger ledger, CorrelateProperties correlate) {
    this.store = store;
    this.ledger = ledger;
    this.correlate = correlate;
  }

  private record Window(RunWindow run, List<Observation> observations, FindingMembers members) {
  }

  /** The finding's escalations, newest first, as (external id, day). */
  public List<Observation> members(long runId, RunReport.FindingSummary f) {
    List<Observation> members = new ArrayList<>(window(runId).members().of(f.kind(), f.clusterId(), f.dimension(),
        f.value()));
    members.sort(Comparator.comparing(Observation::day).reversed().thenComparing(Observation::externalId,
        Comparator.reverseOrder()));
    return members;
  }

  /** Observed against expected per day; expected keeps the share the values had before the onset. */
  public DailySeries series(long runId, RunReport.FindingSummary f) {
    Window w = window(runId);
    Map<String, String> values = Finding.values(f.dimension(), f.value());
    Map<LocalDate, long[]> byDay = new HashMap<>();
    for (Observation o : w.observations()) {
      if (!FindingMembers.within(f.clusterId(), o.clusterId())) {
        continue;
      }
      long[] counts = byDay.computeIfAbsent(o.day(), d -> new long[2]);
      counts[0]++;
      if (matches(o, values)) {
        counts[1]++;
      }
    }
    LocalDate onset = f.kind().equals(Finding.CONCENTRATION) ? null : f.since() != null ? f.since()
        : w.run().windowEnd().minusDays(correlate.recentDays() - 1L);
    long before = 0;
    long beforeMatching = 0;
    long total = 0;
    long matching = 0;
    for (Map.Entry<LocalDate, long[]> e : byDay.entrySet()) {
      total += e.getValue()[0];
      matching += e.getValue()[1];
      if (onset != null && e.getKey().isBefore(onset)) {
        before += e.getValue()[0];
        beforeMatching += e.getValue()[1];
      }
    }
    double share = before > 0 ? (double) beforeMatching / before : total > 0 ? (double) matching / total : 0;
    List<DailySeries.Day> days = new ArrayList<>();
    for (LocalDate day = w.run().windowStart(); !day.isAfter(w.run().windowEnd()); day = day.plusDays(1)) {
      long[] counts = byDay.getOrDefault(day, new long[2]);
      days.add(new DailySeries.Day(day, counts[1], share * counts[0]));
    }
    return new DailySeries(f.rank(), onset, days);
  }

  /**
   * Escalations of a cluster (or all, for "all") with these values, and the population's volume,
   * per day of the run's window: the input of a resolution's before/after test.
   */
  public List<com.escalationrca.track.ResolutionEffect.Day> volumes(long runId, String clusterId, String dimension,
                                                                    String value) {
    Window w = window(runId);
    Map<String, String> values = Finding.values(dimension, value);
    Map<LocalDate, long[]> byDay = new HashMap<>();
    for (Observation o : w.observations()) {
      if (!FindingMembers.within(clusterId, o.clusterId())) {
        continue;
      }
      long[] counts = byDay.computeIfAbsent(o.day(), d -> new long[2]);
      counts[0]++;
      if (matches(o, values)) {
        counts[1]++;
      }
    }
    List<com.escalationrca.track.ResolutionEffect.Day> days = new ArrayList<>();
    for (LocalDate day = w.run().windowStart(); !day.isAfter(w.run().windowEnd()); day = day.plusDays(1)) {
      long[] counts = byDay.getOrDefault(day, new long[2]);
      days.add(new com.escalationrca.track.ResolutionEffect.Day(day, counts[1], counts[0]));
    }
    return days;
  }

  private static boolean matches(Observation o, Map<String, String> values) {
    return FindingMembers.holds(o, values);
  }

  private Window window(long runId) {
    return windows.computeIfAbsent(runId, id -> {
      if (windows.size() >= RUNS_KEPT) {
        windows.keySet().stream().min(Long::compare).ifPresent(windows::remove);
      }
      RunWindow run = ledger.find(id).orElseThrow(() -> new IllegalStateException("no run " + id));
      List<Observation> observations = store.observations(id);
      LocalDate firstRecentDay = run.windowEnd().minusDays(correlate.recentDays() - 1L);
      return new Window(run, observations, new FindingMembers(observations, firstRecentDay));
    });
  }
}
