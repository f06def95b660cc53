package com.escalationrca.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.escalationrca.correlate.Finding;
import com.escalationrca.events.Event;
import com.escalationrca.events.EventStore;
import org.springframework.stereotype.Service;

/** The events a chart marks: those of its days that concern what it shows (every event, for a whole cluster). */
@Service
public class EventMarks {

  private final EventStore store;

  public EventMarks(EventStore store) {
    this.store = store;
  }

  /** The events of these days concerning these values (all of them for no values). */
  public List<Event> concerning(LocalDate from, LocalDate to, Map<String, String> values) {
    return store.between(from, to).stream().filter(e -> values.isEmpty() || e.concerns(values)).toList();
  }

  /** The events of a finding's chart. */
  public List<Event> of(RunReport.FindingSummary finding, DailySeries daily) {
    if (daily.days().isEmpty()) {
      return List.of();
    }
    return concerning(daily.days().get(0).day(), daily.days().get(daily.days().size() - 1).day(),
        Finding.values(finding.dimension(), finding.value()));
  }

  public static List<Charts.Mark> marks(List<Event> events) {
    return events.stream().map(e -> new Charts.Mark(e.start(), "#" + e.id())).toList();
  }

  /** "#3 2026-11-12 'Private information policy v3' (policy launch, market BR)". */
  public static String line(Event e) {
    return "#" + e.id() + " " + e.start() + (e.end() == null ? "" : " – " + e.end()) + " " + e.describe();
  }
}
