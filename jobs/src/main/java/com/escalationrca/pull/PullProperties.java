package com.escalationrca.pull;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code rca.pull.*}: the sources `pull` (and `run --pull`) reads escalations from, each off until
 * its URL is set. Secrets come from the environment ({@code RCA_PULL_JIRA_TOKEN},
 * {@code RCA_PULL_JDBC_PASSWORD}).
 */
@ConfigurationProperties("rca.pull")
public record PullProperties(@DefaultValue Jira jira, @DefaultValue Jdbc jdbc) {

  /**
   * JIRA's search by JQL, incremental by {@code updated}: Cloud ({@code api: cloud}, REST v3
   * {@code /search/jql}, token paging) or Data Center ({@code datacenter}, REST v2 {@code /search},
   * offset paging). {@code narrative} lists what makes the narrative: summary, description,
   * comments. JQL compares dates in the JIRA user's time zone, so each pull starts
   * {@code overlap} before the watermark; issues read again count as unchanged.
   */
  public record Jira(@DefaultValue("") String url, @DefaultValue("cloud") String api, @DefaultValue("") String user,
                     @DefaultValue("") String token, @DefaultValue("") String jql,
                     @DefaultValue("jira") String mapping,
                     @DefaultValue({"summary", "description"}) List<String> narrative,
                     @DefaultValue("100") int pageSize, @DefaultValue("1d") Duration overlap,
                     @DefaultValue("2000-01-01T00:00:00Z") String start) {

    public boolean enabled() {
      return !url.isBlank();
    }

    public boolean cloud() {
      return !"datacenter".equalsIgnoreCase(api);
    }
  }

  /**
   * A source database: {@code query} selects escalations changed since {@code :since} (a
   * timestamp bound to the watermark), its columns named as the mapping expects;
   * {@code watermark-column} is the column whose greatest value becomes the next watermark.
   */
  public record Jdbc(@DefaultValue("") String url, @DefaultValue("") String user, @DefaultValue("") String password,
                     @DefaultValue("") String query, @DefaultValue("native") String mapping,
                     @DefaultValue("updated") String watermarkColumn, @DefaultValue("1000") int fetchSize,
                     @DefaultValue("2000-01-01T00:00:00Z") String start) {

    public boolean enabled() {
      return !url.isBlank();
    }
  }

  public PullProperties {
    if (jira.enabled() && jira.jql().isBlank()) {
      throw new IllegalArgumentException("rca.pull.jira.jql is empty: say which issues are escalations, e.g. project = TS");
    }
    if (jira.enabled() && (jira.pageSize() < 1 || jira.pageSize() > 1000)) {
      throw new IllegalArgumentException("rca.pull.jira.page-size must be between 1 and 1000");
    }
    for (String part : jira.narrative()) {
      if (!List.of("summary", "description", "comments").contains(part)) {
        throw new IllegalArgumentException("rca.pull.jira.narrative: '" + part + "' is not summary, description or comments");
      }
    }
    if (jdbc.enabled() && !jdbc.query().contains(":since")) {
      throw new IllegalArgumentException("rca.pull.jdbc.query must use :since (e.g. where updated_at > :since)");
    }
  }
}
