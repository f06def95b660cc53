package com.escalationrca.ingest;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Records each import and keeps every rejected row with its reason. */
@Repository
public class ImportLedger {

  private final JdbcTemplate jdbc;

  public ImportLedger(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public long begin(String source, String mapping) {
    Long id = jdbc.queryForObject("insert into import_run (source, mapping) values (?, ?) returning id",
        Long.class, source, mapping);
    return id == null ? -1 : id;
  }

  public void reject(long importId, String source, List<MappedRecord.Rejected> rejected) {
    jdbc.batchUpdate("""
        insert into rejected_row (import_id, source, record_number, line_number, raw, reason)
        values (?, ?, ?, ?, ?, ?)
        """, rejected, 500, (ps, r) -> {
          ps.setLong(1, importId);
          ps.setString(2, source);
          ps.setLong(3, r.source().recordNumber());
          ps.setLong(4, r.source().lineNumber());
          // PostgreSQL text cannot hold NUL; keep everything else exactly as read.
          ps.setString(5, r.source().raw().replace('\0', '\uFFFD'));
          ps.setString(6, r.reason().replace('\0', '\uFFFD'));
        });
  }

  public void finish(long importId, ImportCounts counts) {
    jdbc.update("""
        update import_run set finished_at = now(), read = ?, inserted = ?, updated = ?,
          unchanged = ?, skipped = ?, rejected = ? where id = ?
        """, counts.read(), counts.inserted(), counts.updated(), counts.unchanged(),
        counts.skipped(), counts.rejected(), importId);
  }

  /** The rejected rows of one import, in file order: "record 3 (line 4): reason". */
  public List<String> rejections(long importId) {
    return jdbc.queryForList("select reason from rejected_row where import_id = ? order by record_number",
        String.class, importId);
  }
}
