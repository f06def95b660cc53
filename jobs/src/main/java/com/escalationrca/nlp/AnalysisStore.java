package com.escalationrca.nlp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;

import com.escalationrca.cluster.NarrativeDocument;
import com.escalationrca.run.RunWindow;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code narrative_analysis} table. An analysis remembers the escalation's changed_at it was
 * made from, so "needs analysis" is simply: changed since the watermark, or never analysed, or
 * analysed from an older version. Re-running after a crash picks up exactly what is left.
 */
@Repository
public class AnalysisStore {

  /**
   * The pending-narratives query, keyset-paged on {@code e.id} (see {@link #pendingWhere}): a plain
   * join, not a subquery, so each page is an index range scan on the primary key instead of a
   * join over the whole table.
   */
  public static final String PENDING_SELECT = "select e.id, e.narrative, e.language, e.changed_at";
  public static final String PENDING_FROM =
      "from escalation e left join narrative_analysis a on a.escalation_id = e.id";
  // Unqualified: only escalation has an "id" column, and Spring Batch reads the key back by this name.
  public static final String PENDING_SORT_KEY = "id";

  static final String TERM_SEPARATOR = " ";
  static final String PHRASE_SEPARATOR = "|";

  private final JdbcTemplate jdbc;

  public AnalysisStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** WHERE clause with named parameters {@code :to} and (unless a full run) {@code :from}. */
  public static String pendingWhere(RunWindow window) {
    String stale = "(a.source_changed_at is null or a.source_changed_at <> e.changed_at)";
    if (window.watermarkFrom() == null) {
      return "e.changed_at <= :to";
    }
    return "e.changed_at <= :to and (e.changed_at > :from or " + stale + ")";
  }

  public static PendingNarrative mapPending(ResultSet rs, int row) throws SQLException {
    return new PendingNarrative(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant());
  }

  public void save(long runId, List<? extends AnalyzedNarrative> analyses) {
    jdbc.batchUpdate("""
        insert into narrative_analysis (escalation_id, source_changed_at, detected_language, terms,
          phrases, token_count, run_id, analyzed_at) values (?, ?, ?, ?, ?, ?, ?, now())
        on conflict (escalation_id) do update set source_changed_at = excluded.source_changed_at,
          detected_language = excluded.detected_language, terms = excluded.terms,
          phrases = excluded.phrases, token_count = excluded.token_count, run_id = excluded.run_id,
          analyzed_at = now()
        """, analyses, 500, (ps, a) -> {
          ps.setLong(1, a.escalationId());
          ps.setTimestamp(2, Timestamp.from(a.changedAt()));
          ps.setString(3, a.analysis().language());
          ps.setString(4, String.join(TERM_SEPARATOR, a.analysis().terms()));
          ps.setString(5, String.join(PHRASE_SEPARATOR, a.analysis().phrases()));
          ps.setInt(6, a.analysis().tokenCount());
          ps.setLong(7, runId);
        });
  }

  /** How many narratives the run's analysis has still to do. */
  public long pendingCount(RunWindow window) {
    String stale = "(a.source_changed_at is null or a.source_changed_at <> e.changed_at)";
    Long n = window.watermarkFrom() == null
        ? jdbc.queryForObject("select count(*) " + PENDING_FROM + " where e.changed_at <= ?", Long.class,
            Timestamp.from(window.watermarkTo()))
        : jdbc.queryForObject("select count(*) " + PENDING_FROM + " where e.changed_at <= ? and (e.changed_at > ? or "
            + stale + ")", Long.class, Timestamp.from(window.watermarkTo()), Timestamp.from(window.watermarkFrom()));
    return n == null ? 0 : n;
  }

  public long analyzedIn(long runId) {
    Long n = jdbc.queryForObject("select count(*) from narrative_analysis where run_id = ?", Long.class, runId);
    return n == null ? 0 : n;
  }

  /** Every analysed escalation created in the run's window, in id order. */
  public List<NarrativeDocument> windowDocuments(RunWindow window) {
    return jdbc.query("""
        select e.id, a.detected_language, a.terms, a.phrases
        from escalation e join narrative_analysis a on a.escalation_id = e.id
        where e.created_at >= ? and e.created_at < ? order by e.id
        """, (rs, i) -> new NarrativeDocument(rs.getLong(1), rs.getString(2), split(rs.getString(3), TERM_SEPARATOR),
        split(rs.getString(4), PHRASE_SEPARATOR)),
        Timestamp.from(window.windowStartInstant()), Timestamp.from(window.windowEndInstant()));
  }

  /** The analysed documents of these escalations (by external id), in id order; unknown ids are skipped. */
  public List<NarrativeDocument> documents(java.util.Collection<String> externalIds) {
    if (externalIds.isEmpty()) {
      return List.of();
    }
    String[] ids = externalIds.toArray(String[]::new);
    return jdbc.query("""
        select e.id, a.detected_language, a.terms, a.phrases
        from escalation e join narrative_analysis a on a.escalation_id = e.id
        where e.external_id = any(?) order by e.id
        """, ps -> ps.setArray(1, ps.getConnection().createArrayOf("text", ids)),
        (rs, i) -> new NarrativeDocument(rs.getLong(1), rs.getString(2), split(rs.getString(3), TERM_SEPARATOR),
            split(rs.getString(4), PHRASE_SEPARATOR)));
  }

  /** A narrative's words as stored: its terms, then its noun phrases. */
  public static List<String> words(String terms, String phrases) {
    List<String> words = new java.util.ArrayList<>(split(terms, TERM_SEPARATOR));
    words.addAll(split(phrases, PHRASE_SEPARATOR));
    return words;
  }

  private static List<String> split(String joined, String separator) {
    if (joined == null || joined.isEmpty()) {
      return List.of();
    }
    return Arrays.asList(joined.split(java.util.regex.Pattern.quote(separator)));
  }
}
