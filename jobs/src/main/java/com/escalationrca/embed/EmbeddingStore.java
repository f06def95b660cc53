package com.escalationrca.embed;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.escalationrca.run.RunWindow;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code narrative_embedding} table. A narrative needs an embedding when it was analysed in a
 * language that is embedded, was created in the run's window (older narratives are never clustered
 * again), and has no embedding from its current version and the current model. So the nightly cost
 * grows with new and changed escalations only, a failed night resumes where it stopped, and a new
 * model or version re-embeds the window once.
 */
@Repository
public class EmbeddingStore {

  public static final String PENDING_SELECT = "select e.id, a.source_changed_at, e.narrative, h.text_hash,"
      + " reuse.vector as stored_vector";
  public static final String PENDING_FROM = "from escalation e join narrative_analysis a on a.escalation_id = e.id"
      + " left join narrative_embedding v on v.escalation_id = e.id";
  /**
   * What the embed step reads: the pending narratives with the hash of their text, whitespace
   * collapsed (the encoder splits sentences and words on whitespace and never sees its kind or
   * length; ASCII whitespace only, Java's {@code \s}, whatever the database's locale), and the
   * vector of an identical text from the model {@code :model} when one is stored.
   */
  public static final String PENDING_READ_FROM = PENDING_FROM
      + " cross join lateral (select sha256(convert_to(btrim(regexp_replace(e.narrative, '[ \\t\\n\\r\\f\\v]+', ' ', 'g')),"
      + " 'UTF8')) as text_hash) h"
      + " left join lateral (select r.vector from narrative_embedding r where r.model = :model"
      + " and r.text_hash = h.text_hash limit 1) reuse on true";
  // Unqualified: only escalation has an "id" column, and Spring Batch reads the key back by this name.
  public static final String PENDING_SORT_KEY = "id";

  private final JdbcTemplate jdbc;

  public EmbeddingStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * WHERE clause of the pending query, with named parameters {@code :from}, {@code :to} (the
   * window), {@code :languages} and {@code :model}.
   */
  public static String pendingWhere() {
    return "e.created_at >= :from and e.created_at < :to and a.detected_language in (:languages)"
        + " and (v.escalation_id is null or v.model <> :model or v.source_changed_at <> a.source_changed_at)";
  }

  public static Map<String, Object> pendingParameters(RunWindow window, EmbedProperties properties, String model) {
    Map<String, Object> parameters = new HashMap<>();
    parameters.put("from", Timestamp.from(window.windowStartInstant()));
    parameters.put("to", Timestamp.from(window.windowEndInstant()));
    // An empty IN list is invalid SQL; a language no narrative has keeps the query valid and empty:
    // detected languages are ISO codes or "und", never empty (PostgreSQL refuses a NUL in text).
    parameters.put("languages", properties.enabled() ? properties.languages() : List.of(""));
    parameters.put("model", model);
    return parameters;
  }

  public static PendingEmbedding mapPending(ResultSet rs, int row) throws SQLException {
    return new PendingEmbedding(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getBytes(4),
        rs.getBytes(5));
  }

  public void save(long runId, String model, List<? extends NarrativeEmbedding> embeddings) {
    jdbc.batchUpdate("""
        insert into narrative_embedding (escalation_id, model, source_changed_at, vector, run_id, embedded_at,
          text_hash, reused)
        values (?, ?, ?, ?, ?, now(), ?, ?)
        on conflict (escalation_id) do update set model = excluded.model,
          source_changed_at = excluded.source_changed_at, vector = excluded.vector, run_id = excluded.run_id,
          embedded_at = now(), text_hash = excluded.text_hash, reused = excluded.reused
        """, embeddings, 500, (ps, e) -> {
          ps.setLong(1, e.escalationId());
          ps.setString(2, model);
          ps.setTimestamp(3, Timestamp.from(e.changedAt()));
          ps.setBytes(4, e.vector());
          ps.setLong(5, runId);
          ps.setBytes(6, e.textHash());
          ps.setBoolean(7, e.reused());
        });
  }

  /** How many narratives of the window still need an embedding from this model. */
  public long pendingCount(RunWindow window, EmbedProperties properties, String model) {
    if (!properties.enabled()) {
      return 0;
    }
    Long n = jdbc.queryForObject("select count(*) " + PENDING_FROM + """
         where e.created_at >= ? and e.created_at < ? and a.detected_language = any(?)
          and (v.escalation_id is null or v.model <> ? or v.source_changed_at <> a.source_changed_at)
        """, Long.class, Timestamp.from(window.windowStartInstant()), Timestamp.from(window.windowEndInstant()),
        properties.languages().toArray(String[]::new), model);
    return n == null ? 0 : n;
  }

  /** How many of the vectors this run stored were an identical text's, not made by the model. */
  public long reusedIn(long runId) {
    Long n = jdbc.queryForObject("select count(*) from narrative_embedding where run_id = ? and reused", Long.class,
        runId);
    return n == null ? 0 : n;
  }

  public long embeddedIn(long runId) {
    Long n = jdbc.queryForObject("select count(*) from narrative_embedding where run_id = ?", Long.class, runId);
    return n == null ? 0 : n;
  }

  /**
   * The current embeddings (this model, the analysed version) of the window's narratives in the
   * embedded languages, by escalation id.
   */
  public Map<Long, float[]> windowVectors(RunWindow window, EmbedProperties properties, String model) {
    Map<Long, float[]> vectors = new HashMap<>();
    if (!properties.enabled()) {
      return vectors;
    }
    jdbc.query("""
        select e.id, v.vector from escalation e join narrative_analysis a on a.escalation_id = e.id
        join narrative_embedding v on v.escalation_id = e.id
        where e.created_at >= ? and e.created_at < ? and a.detected_language = any(?)
          and v.model = ? and v.source_changed_at = a.source_changed_at
        """, ps -> {
          ps.setTimestamp(1, Timestamp.from(window.windowStartInstant()));
          ps.setTimestamp(2, Timestamp.from(window.windowEndInstant()));
          ps.setArray(3, ps.getConnection().createArrayOf("text", properties.languages().toArray()));
          ps.setString(4, model);
        }, rs -> {
          vectors.put(rs.getLong(1), VectorCodec.decode(rs.getBytes(2)));
        });
    return vectors;
  }
}
