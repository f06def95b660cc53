package com.escalationrca.pull;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Each pulled source's watermark: where its last successful pull got to. */
@Repository
public class PullWatermarks {

  private final JdbcTemplate jdbc;

  public PullWatermarks(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Instant> get(String source) {
    return jdbc.queryForList("select watermark from pull_source where name = ?", Timestamp.class, source).stream()
        .findFirst().map(Timestamp::toInstant);
  }

  /** Moves the watermark after a successful pull (never backwards). */
  public void advance(String source, Instant watermark, long importId) {
    jdbc.update("""
        insert into pull_source (name, watermark, import_id) values (?, ?, ?)
        on conflict (name) do update set watermark = greatest(pull_source.watermark, excluded.watermark),
          last_pull = now(), import_id = excluded.import_id
        """, source, Timestamp.from(watermark), importId);
  }
}
