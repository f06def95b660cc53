package com.escalationrca.events;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

/**
 * Which event a change that began on a day cites: the latest one concerning its values whose days
 * it began in, or within {@code rca.events.lead-days} after. "began 1 day after 'Private
 * information policy v3' (policy launch, market BR)".
 */
@Service
public class EventCitations {

  private final EventStore store;
  private final EventsProperties properties;

  public EventCitations(EventStore store, EventsProperties properties) {
    this.store = store;
    this.properties = properties;
  }

  /** The events that changes beginning in these days could cite, read once. */
  public Citer forDays(LocalDate from, LocalDate to) {
    return new Citer(store.between(from.minusDays(properties.leadDays()), to), properties.leadDays());
  }

  /** Cites from the events of a period. */
  public record Citer(List<Event> events, int leadDays) {

    public Optional<String> cite(LocalDate onset, Map<String, String> values) {
      if (onset == null) {
        return Optional.empty();
      }
      return events.stream()
          .filter(e -> !onset.isBefore(e.start()) && !onset.isAfter(e.last().plusDays(leadDays)) && e.concerns(values))
          .max(Comparator.comparing(Event::start).thenComparingLong(Event::id))
          .map(e -> citation(onset, e));
    }

    /**
     * For a window rather than a day: the latest event concerning the values that began within the
     * lead days before the window or inside it ("'X' (policy launch) on 2026-11-12, within the window").
     */
    public Optional<String> citeWindow(LocalDate from, LocalDate to, Map<String, String> values) {
      Optional<String> before = cite(from, values);
      Optional<Event> inside = events.stream()
          .filter(e -> e.start().isAfter(from) && !e.start().isAfter(to) && e.concerns(values))
          .max(Comparator.comparing(Event::start).thenComparingLong(Event::id));
      return inside.map(e -> e.describe() + " on " + e.start() + ", within the window").or(() -> before);
    }

    private static String citation(LocalDate onset, Event e) {
      if (!onset.isAfter(e.last()) && !e.last().equals(e.start())) {
        return "began during " + e.describe();
      }
      long days = ChronoUnit.DAYS.between(e.last(), onset);
      return days == 0 ? "began on the day of " + e.describe()
          : "began " + days + (days == 1 ? " day" : " days") + " after " + e.describe();
    }
  }
}
