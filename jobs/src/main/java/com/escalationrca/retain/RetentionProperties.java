package com.escalationrca.retain;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a night keeps what it made, in days before the run date (0: for ever). {@code runDays}:
 * runs with their clusters, assignments, findings, causes, job records and report folders (the
 * latest completed run is always kept: tomorrow's cluster identity needs it). {@code analysisDays}:
 * narrative analyses and embeddings. {@code escalationDays}: the escalations themselves, from the
 * database and the search index. The last two must cover the analysis window.
 */
@ConfigurationProperties("rca.retention")
public record RetentionProperties(@DefaultValue("0") int runDays,
                                  @DefaultValue("0") int analysisDays,
                                  @DefaultValue("0") int escalationDays) {

  public RetentionProperties {
    if (runDays < 0 || analysisDays < 0 || escalationDays < 0) {
      throw new IllegalArgumentException("rca.retention values are days and cannot be negative");
    }
  }
}
