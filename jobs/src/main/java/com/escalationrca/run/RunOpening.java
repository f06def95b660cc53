package com.escalationrca.run;

import java.sql.Timestamp;
import java.time.LocalDate;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The night's first step: opens the run (its watermark and window, in {@link RunLedger}) and counts
 * the escalations that changed since the last completed run. Nothing is pulled here: `rca pull`
 * and `run --pull` land source data before the job starts.
 */
@Service
public class RunOpening {

  private final RunLedger ledger;
  private final RunProperties properties;
  private final JdbcTemplate jdbc;

  public RunOpening(RunLedger ledger, RunProperties properties, JdbcTemplate jdbc) {
    this.ledger = ledger;
    this.properties = properties;
    this.jdbc = jdbc;
  }

  /** Opens (or, on restart, reopens) the run; returns how many escalations changed inside its watermark. */
  public long open(long runId, LocalDate runDate, boolean full) {
    RunWindow window = ledger.begin(runId, runDate, full, properties.windowDays());
    Long changed = window.watermarkFrom() == null
        ? jdbc.queryForObject("select count(*) from escalation where changed_at <= ?", Long.class,
            Timestamp.from(window.watermarkTo()))
        : jdbc.queryForObject("select count(*) from escalation where changed_at > ? and changed_at <= ?",
            Long.class, Timestamp.from(window.watermarkFrom()), Timestamp.from(window.watermarkTo()));
    long count = changed == null ? 0 : changed;
    ledger.count(runId, "changed", count);
    return count;
  }
}
