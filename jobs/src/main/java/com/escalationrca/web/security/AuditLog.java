package com.escalationrca.web.security;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Who read what: searches, opened escalations, exports, sign-ins, with time and address. */
@Repository
public class AuditLog {

  private static final int MAX_DETAIL = 2000;

  private final JdbcTemplate jdbc;

  public AuditLog(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** One audited event; the detail is cut, never dropped, so a huge query still leaves a trace. */
  public record Event(long id, Instant at, String user, String action, String detail, String remote) {
  }

  public void record(String user, String action, String detail, String remote) {
    String cut = detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) + "…" : detail;
    // PostgreSQL text cannot hold NUL: a typed or pasted one is recorded as U+FFFD, never lost with the event.
    jdbc.update("insert into audit_event (user_name, action, detail, remote) values (?, ?, ?, ?)",
        user.replace('\0', '\uFFFD'), action, cut.replace('\0', '\uFFFD'), remote == null ? "" : remote);
  }

  /** The newest events first, optionally of one user. */
  public List<Event> recent(String user, int limit) {
    return jdbc.query("""
        select id, at, user_name, action, detail, remote from audit_event
        where cast(? as text) is null or user_name = ? order by id desc limit ?
        """, (rs, i) -> new Event(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
        rs.getString(5), rs.getString(6)), user, user, limit);
  }
}
