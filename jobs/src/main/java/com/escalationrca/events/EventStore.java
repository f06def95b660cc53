package com.escalationrca.events;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The events program managers recorded, in PostgreSQL (table {@code event}); who added or changed each is kept. */
@Repository
public class EventStore {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String COLUMNS = "id, starts, ends, title, kind, scope::text";

  private final JdbcTemplate jdbc;

  public EventStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Event add(Event event, String who) {
    long id = jdbc.queryForObject("""
        insert into event (starts, ends, title, kind, scope, created_by) values (?, ?, ?, ?, ?::jsonb, ?) returning id
        """, Long.class, Date.valueOf(event.start()), event.end() == null ? null : Date.valueOf(event.end()),
        event.title(), event.kind().key(), JSON.writeValueAsString(event.where()), who);
    return event.withId(id);
  }

  public Event update(long id, Event event, String who) {
    int changed = jdbc.update("""
        update event set starts = ?, ends = ?, title = ?, kind = ?, scope = ?::jsonb, updated_by = ?, updated_at = now()
        where id = ?
        """, Date.valueOf(event.start()), event.end() == null ? null : Date.valueOf(event.end()), event.title(),
        event.kind().key(), JSON.writeValueAsString(event.where()), who, id);
    if (changed == 0) {
      throw new IllegalArgumentException("no event #" + id);
    }
    return event.withId(id);
  }

  /** Removes an event and returns what it was. */
  public Event remove(long id) {
    Event event = find(id).orElseThrow(() -> new IllegalArgumentException("no event #" + id));
    jdbc.update("delete from event where id = ?", id);
    return event;
  }

  public Optional<Event> find(long id) {
    return jdbc.query("select " + COLUMNS + " from event where id = ?", EventStore::event, id).stream().findFirst();
  }

  /** Every event, the latest first. */
  public List<Event> all() {
    return jdbc.query("select " + COLUMNS + " from event order by starts desc, id desc", EventStore::event);
  }

  /** The events that lasted into these days (both included), the earliest first. */
  public List<Event> between(LocalDate from, LocalDate to) {
    return jdbc.query("select " + COLUMNS + " from event where starts <= ? and coalesce(ends, starts) >= ?"
        + " order by starts, id", EventStore::event, Date.valueOf(to), Date.valueOf(from));
  }

  /** Changes whenever an event is added, changed or removed (by this process or another): pages drawn once key on it. */
  public String version() {
    return jdbc.queryForObject("select count(*) || ':' || coalesce(sum(id), 0) || ':'"
        + " || coalesce(max(coalesce(updated_at, created_at))::text, '') from event", String.class);
  }

  private static Event event(ResultSet rs, int row) throws SQLException {
    Map<String, String> where = JSON.readValue(rs.getString(6), new TypeReference<LinkedHashMap<String, String>>() { });
    Date end = rs.getDate(3);
    return new Event(rs.getLong(1), rs.getDate(2).toLocalDate(), end == null ? null : end.toLocalDate(), rs.getString(4),
        EventKind.parse(rs.getString(5)), where);
  }
}
