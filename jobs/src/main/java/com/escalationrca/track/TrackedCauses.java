package com.escalationrca.track;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tracked causes and what people do with them (acknowledge with an owner, link a ticket,
 * resolve with a date and note, dismiss with a reason, reopen); every change records who and when.
 */
@Repository
public class TrackedCauses {

  private static final String COLUMNS = """
      id, state, summary, cluster_id, dimension, value, owner, ticket, resolved_on, note, first_seen, last_seen,
      onset, updated_at, updated_by""";

  private static final java.util.regex.Pattern ANY_ISSUE_KEY = java.util.regex.Pattern.compile("[A-Z][A-Z0-9_]+-[1-9][0-9]*");

  private final JdbcTemplate jdbc;
  /** The JIRA project tickets belong to ({@code rca.publish.jira.project}); empty: any project's key. */
  private final String jiraProject;

  public TrackedCauses(JdbcTemplate jdbc, @org.springframework.beans.factory.annotation.Value("${rca.publish.jira.project:}")
                       String jiraProject) {
    this.jdbc = jdbc;
    this.jiraProject = jiraProject == null ? "" : jiraProject.strip();
  }

  public List<TrackedCause> list(CauseState state) {
    return jdbc.query("select " + COLUMNS + " from tracked_cause where cast(? as text) is null or state = ?"
        + " order by last_seen desc, id desc", TrackedCauses::cause, state == null ? null : state.key(),
        state == null ? null : state.key());
  }

  public Optional<TrackedCause> find(long id) {
    return jdbc.query("select " + COLUMNS + " from tracked_cause where id = ?", TrackedCauses::cause, id)
        .stream().findFirst();
  }

  public TrackedCause get(long id) {
    return find(id).orElseThrow(() -> new IllegalArgumentException("no tracked cause " + id + "; `causes list` shows them"));
  }

  /** The tracked causes by id, for the findings of a run (cause id → tracked cause). */
  public Map<Long, TrackedCause> byId(List<Long> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return jdbc.query("select " + COLUMNS + " from tracked_cause where id = any(?)",
        ps -> ps.setArray(1, ps.getConnection().createArrayOf("bigint", ids.toArray())),
        (rs, i) -> cause(rs, i)).stream().collect(Collectors.toMap(TrackedCause::id, c -> c));
  }

  /** When anyone last changed any tracked cause: pages drawn from tracking are fresh until it moves. */
  public java.time.Instant lastChange() {
    java.sql.Timestamp at = jdbc.queryForObject("select max(updated_at) from tracked_cause", java.sql.Timestamp.class);
    return at == null ? java.time.Instant.EPOCH : at.toInstant();
  }

  public List<CauseEvent> events(long id) {
    return jdbc.query("select cause_id, at, actor, action, detail from tracked_cause_event where cause_id = ? order by id",
        (rs, i) -> new CauseEvent(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
            rs.getString(5)), id);
  }

  /** The nights the cause fired: run date → escalations it covered. */
  public List<Map.Entry<LocalDate, Long>> nights(long id) {
    return jdbc.query("select run_date, escalations from tracked_cause_night where cause_id = ? order by run_date",
        (rs, i) -> Map.entry(rs.getObject(1, LocalDate.class), rs.getLong(2)), id);
  }

  @Transactional
  public TrackedCause acknowledge(long id, String owner, String actor) {
    require(owner, "an owner");
    TrackedCause cause = get(id);
    CauseState next = cause.state() == CauseState.TICKETED || cause.state() == CauseState.REGRESSED
        ? cause.state() : CauseState.ACKNOWLEDGED;
    jdbc.update("update tracked_cause set owner = ?, state = ?, updated_at = now(), updated_by = ? where id = ?",
        owner, next.key(), actor, id);
    event(id, actor, "acknowledged", "owner " + owner);
    return get(id);
  }

  @Transactional
  public TrackedCause link(long id, String ticket, String actor) {
    require(ticket, "a ticket key");
    requireIssueKey(ticket);
    get(id);
    jdbc.update("update tracked_cause set ticket = ?, state = case when state in ('resolved', 'dismissed') then state"
        + " else 'ticketed' end, updated_at = now(), updated_by = ? where id = ?", ticket, actor, id);
    event(id, actor, "ticketed", ticket);
    return get(id);
  }

  @Transactional
  public TrackedCause resolve(long id, LocalDate on, String note, String actor) {
    require(note, "a note saying what was done");
    get(id);
    jdbc.update("update tracked_cause set state = 'resolved', resolved_on = ?, note = ?, updated_at = now(),"
        + " updated_by = ? where id = ?", on, note, actor, id);
    event(id, actor, "resolved", on + ": " + note);
    return get(id);
  }

  @Transactional
  public TrackedCause dismiss(long id, String reason, String actor) {
    require(reason, "a reason");
    get(id);
    jdbc.update("update tracked_cause set state = 'dismissed', note = ?, updated_at = now(), updated_by = ? where id = ?",
        reason, actor, id);
    event(id, actor, "dismissed", reason);
    return get(id);
  }

  /** Back to work: ticketed if it has a ticket, acknowledged if it has an owner, else new. */
  @Transactional
  public TrackedCause reopen(long id, String actor) {
    TrackedCause cause = get(id);
    CauseState next = cause.ticket() != null ? CauseState.TICKETED
        : cause.owner() != null ? CauseState.ACKNOWLEDGED : CauseState.NEW;
    jdbc.update("update tracked_cause set state = ?, resolved_on = null, updated_at = now(), updated_by = ? where id = ?",
        next.key(), actor, id);
    event(id, actor, "reopened", "");
    return get(id);
  }

  void event(long id, String actor, String action, String detail) {
    jdbc.update("insert into tracked_cause_event (cause_id, actor, action, detail) values (?, ?, ?, ?)", id, actor,
        action, detail);
  }

  /**
   * A linked ticket is commented on by the bot every night, so only a key of the configured
   * project is taken: a manager cannot make the bot write on any issue of the JIRA site.
   */
  private void requireIssueKey(String ticket) {
    if (!isIssueKey(ticket)) {
      throw new IllegalArgumentException("'" + ticket + "' is not a JIRA issue key"
          + (jiraProject.isEmpty() ? " (PROJECT-123)" : " of project " + jiraProject + " (" + jiraProject + "-123)"));
    }
  }

  /** Whether a key names an issue of the configured project, as {@link #link} requires. */
  public boolean isIssueKey(String ticket) {
    return ticket != null && ANY_ISSUE_KEY.matcher(ticket).matches()
        && (jiraProject.isEmpty() || ticket.startsWith(jiraProject + "-"));
  }

  private static void require(String text, String what) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("give " + what);
    }
  }

  static TrackedCause cause(ResultSet rs, int row) throws SQLException {
    return new TrackedCause(rs.getLong(1), CauseState.parse(rs.getString(2)), rs.getString(3), rs.getString(4),
        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getObject(9, LocalDate.class),
        rs.getString(10), rs.getObject(11, LocalDate.class), rs.getObject(12, LocalDate.class),
        rs.getObject(13, LocalDate.class), rs.getTimestamp(14).toInstant(), rs.getString(15));
  }
}
