package com.escalationrca.track;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follows the night's causes across nights. A cause is the same as a tracked one when any of its
 * findings has a key (cluster id, which keeps its identity across nights, with the finding's
 * dimension values) the tracked cause was seen under; otherwise it starts a new tracked cause.
 * A resolved cause that fires again after its resolution date is marked regressed.
 */
@Component
public class CauseTracker {

  static final String NIGHT = "nightly run";

  private final JdbcTemplate jdbc;
  private final TrackedCauses causes;

  public CauseTracker(JdbcTemplate jdbc, TrackedCauses causes) {
    this.jdbc = jdbc;
    this.causes = causes;
  }

  /** The key a finding is followed by: not its kind (a concentration that becomes a surge is the same cause). */
  public static String key(String clusterId, String dimension, String value) {
    return clusterId + "|" + dimension + "|" + value;
  }

  private record Lead(int cause, String clusterId, String dimension, String value, String summary, LocalDate since,
                      long escalations, List<String> keys) {
  }

  @Transactional
  public void track(long runId, LocalDate runDate) {
    Map<Integer, List<String>> keys = new HashMap<>();
    Map<Integer, String[]> byRank = new HashMap<>();
    jdbc.query("select rank, cause, cluster_id, dimension, value, summary, since from finding where run_id = ?", rs -> {
      String key = key(rs.getString(3), rs.getString(4), rs.getString(5));
      keys.computeIfAbsent(rs.getInt(2), c -> new ArrayList<>()).add(key);
      byRank.put(rs.getInt(1), new String[] {rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
          rs.getString(7)});
    }, runId);
    List<Lead> leads = jdbc.query("select cause, lead_rank, escalations from finding_cause where run_id = ? order by cause",
        (rs, i) -> {
          String[] lead = byRank.get(rs.getInt(2));
          return new Lead(rs.getInt(1), lead[0], lead[1], lead[2], lead[3],
              lead[4] == null ? null : LocalDate.parse(lead[4]), rs.getLong(3), keys.getOrDefault(rs.getInt(1), List.of()));
        }, runId);
    jdbc.update("delete from tracked_cause_night where run_id = ?", runId);
    for (Lead lead : leads) {
      long id = match(lead).orElseGet(() -> create(lead, runDate));
      update(id, lead, runDate);
      for (String key : new LinkedHashSet<>(lead.keys())) {
        jdbc.update("insert into tracked_cause_key (key, cause_id) values (?, ?) on conflict (key) do nothing", key, id);
      }
      jdbc.update("update finding_cause set tracked_id = ? where run_id = ? and cause = ?", id, runId, lead.cause());
      jdbc.update("insert into tracked_cause_night (cause_id, run_id, run_date, escalations) values (?, ?, ?, ?)"
          + " on conflict do nothing", id, runId, runDate, lead.escalations());
    }
  }

  private java.util.Optional<Long> match(Lead lead) {
    Set<String> keys = new LinkedHashSet<>(lead.keys());
    // The lead's own key first: of two tracked causes sharing keys, the one led by the same finding wins.
    List<String> ordered = new ArrayList<>();
    ordered.add(key(lead.clusterId(), lead.dimension(), lead.value()));
    ordered.addAll(keys);
    for (String key : ordered) {
      List<Long> found = jdbc.queryForList("select cause_id from tracked_cause_key where key = ?", Long.class, key);
      if (!found.isEmpty()) {
        return java.util.Optional.of(found.get(0));
      }
    }
    return java.util.Optional.empty();
  }

  private long create(Lead lead, LocalDate runDate) {
    Long id = jdbc.queryForObject("""
        insert into tracked_cause (summary, cluster_id, dimension, value, first_seen, last_seen, onset)
        values (?, ?, ?, ?, ?, ?, ?) returning id
        """, Long.class, lead.summary(), lead.clusterId(), lead.dimension(), lead.value(), runDate, runDate, lead.since());
    causes.event(id, NIGHT, "first seen", runDate.toString());
    return id;
  }

  private void update(long id, Lead lead, LocalDate runDate) {
    TrackedCause cause = causes.get(id);
    boolean regressed = cause.state() == CauseState.RESOLVED && cause.resolvedOn() != null
        && runDate.isAfter(cause.resolvedOn());
    jdbc.update("""
        update tracked_cause set summary = ?, last_seen = greatest(last_seen, ?), onset = coalesce(onset, ?),
          state = ?
        where id = ?
        """, lead.summary(), runDate, lead.since(), regressed ? CauseState.REGRESSED.key() : cause.state().key(), id);
    if (regressed) {
      jdbc.update("update tracked_cause set updated_at = now(), updated_by = ? where id = ?", NIGHT, id);
      causes.event(id, NIGHT, "regressed", "fired again on " + runDate + " after its resolution on " + cause.resolvedOn());
    }
  }
}
