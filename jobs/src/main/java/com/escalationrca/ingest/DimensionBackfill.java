package com.escalationrca.ingest;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A dimension declared after its values were imported (a column no mapping named, kept in each
 * escalation's extra JSON) is filled from that column, its {@code source}, without re-importing:
 * once per declaration, values trimmed and folded by the dimension's aliases as an import would,
 * values an import already set left alone. The escalations are not marked changed: their
 * narratives are the same, and every night reads the window's dimensions afresh.
 */
@Component
public class DimensionBackfill {

  private static final Logger LOG = LoggerFactory.getLogger(DimensionBackfill.class);

  private final JdbcTemplate jdbc;
  private final Taxonomy taxonomy;
  private final IngestProperties limits;

  public DimensionBackfill(JdbcTemplate jdbc, Taxonomy taxonomy, IngestProperties limits) {
    this.jdbc = jdbc;
    this.taxonomy = taxonomy;
    this.limits = limits;
  }

  /** Back-fills every dimension whose source was not read yet; returns the escalations filled. */
  @Transactional
  public long run() {
    long filled = 0;
    for (Taxonomy.Dimension d : taxonomy.custom()) {
      if (d.source() == null) {
        continue;
      }
      List<String> done = jdbc.queryForList("select source from dimension_backfill where dimension = ?", String.class,
          d.name());
      if (done.contains(d.source())) {
        continue;
      }
      List<String> aliases = new ArrayList<>();
      List<String> canonical = new ArrayList<>();
      d.aliasToCanonical().forEach((alias, value) -> {
        aliases.add(alias);
        canonical.add(value);
      });
      int n = jdbc.update("""
          update escalation e set dimensions = e.dimensions || jsonb_build_object(?::text,
              coalesce((select a.canonical from unnest(?::text[], ?::text[]) as a(alias, canonical)
                        where a.alias = lower(btrim(e.extra ->> ?))), btrim(e.extra ->> ?)))
          where e.dimensions ->> ? is null and btrim(e.extra ->> ?) <> '' and length(btrim(e.extra ->> ?)) <= ?
          """, d.name(), aliases.toArray(String[]::new), canonical.toArray(String[]::new), d.source(), d.source(),
          d.name(), d.source(), d.source(), limits.maxFieldLength());
      jdbc.update("""
          insert into dimension_backfill (dimension, source, escalations) values (?, ?, ?)
          on conflict (dimension) do update set source = excluded.source, escalations = excluded.escalations,
            backfilled_at = now()
          """, d.name(), d.source(), n);
      if (n > 0) {
        LOG.info("Dimension {}: {} escalations filled from their '{}' column", d.name(), n, d.source());
      }
      filled += n;
    }
    return filled;
  }
}
