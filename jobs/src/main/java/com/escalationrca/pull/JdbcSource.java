package com.escalationrca.pull;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

import com.escalationrca.external.ExternalSystemException;
import com.escalationrca.ingest.EscalationSource;
import com.escalationrca.ingest.SourceRecord;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rows of a source database as source records: the configured query, with {@code :since} bound to
 * the watermark, streamed with a fetch size (inside a read-only transaction, so PostgreSQL uses a
 * cursor) whatever the number of rows. Columns keep their names (lower case); timestamps become
 * ISO-8601 instants. The greatest value of the watermark column is the next watermark.
 */
public final class JdbcSource implements EscalationSource {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final PullProperties.Jdbc jdbc;
  private final Connection connection;
  private final PreparedStatement statement;
  private final ResultSet rows;
  private final ResultSetMetaData columns;
  private Boolean pending;
  private long record;
  private Instant latest;

  public JdbcSource(PullProperties.Jdbc jdbc, Instant since) {
    this.jdbc = jdbc;
    try {
      connection = DriverManager.getConnection(jdbc.url(), jdbc.user(), jdbc.password());
      connection.setAutoCommit(false);
      connection.setReadOnly(true);
      statement = connection.prepareStatement(jdbc.query().replace(":since", "?"));
      statement.setFetchSize(jdbc.fetchSize());
      statement.setTimestamp(1, Timestamp.from(since));
      rows = statement.executeQuery();
      columns = rows.getMetaData();
    } catch (SQLException e) {
      throw new ExternalSystemException("the source database (" + jdbc.url() + ") refused the pull: " + e.getMessage(), e);
    }
  }

  /** The greatest watermark-column value read, or null if no row had one. */
  public Instant latest() {
    return latest;
  }

  @Override
  public boolean hasNext() {
    if (pending == null) {
      try {
        pending = rows.next();
      } catch (SQLException e) {
        throw new ExternalSystemException("reading the source database (" + jdbc.url() + ") failed: " + e.getMessage(), e);
      }
    }
    return pending;
  }

  @Override
  public SourceRecord next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    pending = null;
    record++;
    Map<String, String> values = new LinkedHashMap<>();
    try {
      for (int i = 1; i <= columns.getColumnCount(); i++) {
        String name = columns.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT);
        Object value = rows.getObject(i);
        Instant at = instant(value);
        values.put(name, at != null ? at.toString() : value == null ? null : text(value, i));
        if (at != null && name.equalsIgnoreCase(jdbc.watermarkColumn()) && (latest == null || at.isAfter(latest))) {
          latest = at;
        }
      }
    } catch (SQLException e) {
      throw new ExternalSystemException("reading row " + record + " of the source database failed: " + e.getMessage(), e);
    }
    return new SourceRecord(record, record, values, JSON.writeValueAsString(values), null);
  }

  /**
   * A value as text that is the same at every pull: bytes, arrays and large objects have no such
   * {@code toString} (a bytea id read as "[B@1f2a…" was a new escalation at every pull), so the
   * driver's own text form is taken ("\\xdeadbeef", "{a,b}").
   */
  private String text(Object value, int column) throws SQLException {
    if (value instanceof byte[] || value instanceof java.sql.Array || value instanceof java.sql.Blob
        || value instanceof java.sql.Clob || value instanceof java.sql.Struct) {
      return rows.getString(column);
    }
    return value.toString();
  }

  private static Instant instant(Object value) {
    if (value instanceof Timestamp t) {
      return t.toInstant();
    }
    if (value instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    if (value instanceof java.time.LocalDateTime l) {
      return l.toInstant(java.time.ZoneOffset.UTC);
    }
    return null;
  }

  @Override
  public void close() {
    try (Connection c = connection; PreparedStatement s = statement; ResultSet r = rows) {
      c.rollback();
    } catch (SQLException e) {
      // closing a read-only transaction: nothing to lose
    }
  }
}
