package com.escalationrca.events;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.escalationrca.ingest.Field;

/**
 * Something that happened on a day (or from one day to another): a policy launch, a vendor change,
 * a tool release, an outage. {@code where}: the dimension values it concerns ("market BR"); none
 * when it concerns every escalation.
 */
public record Event(long id, LocalDate start, LocalDate end, String title, EventKind kind, Map<String, String> where) {

  static final int MAX_TITLE = 200;

  public Event {
    if (start == null) {
      throw new IllegalArgumentException("an event needs its date");
    }
    if (end != null && end.isBefore(start)) {
      throw new IllegalArgumentException("the event ends (" + end + ") before it starts (" + start + ")");
    }
    title = title == null ? "" : title.strip();
    if (title.isEmpty() || title.length() > MAX_TITLE) {
      throw new IllegalArgumentException("an event needs a title of 1 to " + MAX_TITLE + " characters");
    }
    if (kind == null) {
      kind = EventKind.OTHER;
    }
    where = new LinkedHashMap<>(where == null ? Map.of() : where);
    for (Map.Entry<String, String> e : where.entrySet()) {
      if (!Field.DIMENSIONS.contains(Field.byKey(e.getKey()).orElse(Field.ID))) {
        throw new IllegalArgumentException("'" + e.getKey() + "' is not a dimension (one of "
            + Field.DIMENSIONS.stream().map(Field::key).collect(Collectors.joining(", ")) + ")");
      }
      if (e.getValue() == null || e.getValue().isBlank()) {
        throw new IllegalArgumentException("'" + e.getKey() + "=' names no value");
      }
    }
  }

  /** The last day it lasted: its end, or its start for a one-day event. */
  public LocalDate last() {
    return end == null ? start : end;
  }

  /** Does it concern escalations with these values: it names none, or shares one of them. */
  public boolean concerns(Map<String, String> values) {
    return where.isEmpty() || where.entrySet().stream().anyMatch(e -> e.getValue().equals(values.get(e.getKey())));
  }

  /** "'Private information policy v3' (policy launch, market BR)". */
  public String describe() {
    String scope = where.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    return "'" + title + "' (" + kind.words() + (scope.isEmpty() ? "" : ", " + scope) + ")";
  }

  /** "market=BR,vendor=Atlas Review", as the CLI and the import file write a scope. */
  public String scope() {
    return where.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
  }

  /** A scope as written: DIM=VALUE pairs separated by commas or semicolons. */
  public static Map<String, String> parseScope(String text) {
    Map<String, String> where = new LinkedHashMap<>();
    if (text == null || text.isBlank()) {
      return where;
    }
    for (String pair : text.split("[,;]")) {
      int equals = pair.indexOf('=');
      if (equals <= 0) {
        throw new IllegalArgumentException("'" + pair.strip() + "': write DIM=VALUE, e.g. market=BR");
      }
      where.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
    }
    return where;
  }

  Event withId(long newId) {
    return new Event(newId, start, end, title, kind, where);
  }
}
