package com.escalationrca.pull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.escalationrca.external.HttpSettings;
import com.escalationrca.ingest.EscalationImporter;
import com.escalationrca.ingest.ImportCounts;
import com.escalationrca.ingest.MappingCatalog;
import org.springframework.stereotype.Component;

/**
 * Pulls escalations from JIRA and source databases through the importer's validation, quarantine
 * and upsert, so counts add up exactly as for `import`. A source's watermark moves only when its
 * pull finishes; a pull that fails keeps what it read (upserts are idempotent) and starts from the
 * same watermark next time.
 */
@Component
public class Pulls {

  public static final String JIRA = "jira";
  public static final String JDBC = "jdbc";

  private final PullProperties properties;
  private final HttpSettings http;
  private final EscalationImporter importer;
  private final MappingCatalog mappings;
  private final PullWatermarks watermarks;

  public Pulls(PullProperties properties, HttpSettings http, EscalationImporter importer,
               MappingCatalog mappings, PullWatermarks watermarks) {
    this.properties = properties;
    this.http = http;
    this.importer = importer;
    this.mappings = mappings;
    this.watermarks = watermarks;
  }

  /** What one pull did: the source, where it started, its import counts and the new watermark. */
  public record Pulled(String source, Instant since, long importId, ImportCounts counts, Instant watermark) {
  }

  public List<String> configured() {
    List<String> sources = new ArrayList<>();
    if (properties.jira().enabled()) {
      sources.add(JIRA);
    }
    if (properties.jdbc().enabled()) {
      sources.add(JDBC);
    }
    return sources;
  }

  public Pulled pull(String source, Consumer<ImportCounts> progress) {
    return switch (source) {
      case JIRA -> jira(progress);
      case JDBC -> jdbc(progress);
      default -> throw new IllegalArgumentException("unknown source '" + source + "'; sources: jira, jdbc");
    };
  }

  /**
   * The next watermark is never after the pull began: one source row dated in the future (a typo,
   * 9999-12-31 as "never") would otherwise move it there, and every later pull would read nothing.
   * Such a row is read again by each pull (and counted unchanged), which costs one row.
   */
  static Instant notAfter(Instant latest, Instant started) {
    return latest.isAfter(started) ? started : latest;
  }

  private Pulled jira(Consumer<ImportCounts> progress) {
    PullProperties.Jira jira = properties.jira();
    if (!jira.enabled()) {
      throw new IllegalArgumentException("rca.pull.jira.url is not set: nothing to pull from");
    }
    Instant started = Instant.now();
    Instant watermark = watermarks.get(JIRA).orElse(Instant.parse(jira.start()));
    Instant since = watermark.minus(jira.overlap());
    List<String> columns = new ArrayList<>(mappings.load(jira.mapping()).columns().values());
    JiraSource source = new JiraSource(jira, http, since, columns);
    var result = importer.importRecords(source, "jira:" + jira.url() + " " + source.jql(), JIRA, jira.mapping(), progress);
    Instant next = source.latestUpdate() == null ? watermark : notAfter(source.latestUpdate(), started);
    watermarks.advance(JIRA, next, result.importId());
    return new Pulled(JIRA, since, result.importId(), result.counts(), next);
  }

  private Pulled jdbc(Consumer<ImportCounts> progress) {
    PullProperties.Jdbc jdbc = properties.jdbc();
    if (!jdbc.enabled()) {
      throw new IllegalArgumentException("rca.pull.jdbc.url is not set: nothing to pull from");
    }
    Instant started = Instant.now();
    Instant since = watermarks.get(JDBC).orElse(Instant.parse(jdbc.start()));
    try (JdbcSource source = new JdbcSource(jdbc, since)) {
      var result = importer.importRecords(source, "jdbc:" + jdbc.url(), JDBC, jdbc.mapping(), progress);
      Instant next = source.latest() == null ? since : notAfter(source.latest(), started);
      watermarks.advance(JDBC, next, result.importId());
      return new Pulled(JDBC, since, result.importId(), result.counts(), next);
    }
  }
}
