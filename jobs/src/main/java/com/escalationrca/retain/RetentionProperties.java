package com.escalationrca.retain;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a night keeps what it made, in days before the newest escalation's date (or the run date,
 * when that is earlier; 0: for ever). {@code runDays}: runs with their clusters, assignments,
 * findings, causes, job records and report folders (the latest completed run is always kept:
 * tomorrow's cluster identity needs it). {@code analysisDays}: narrative analyses and embeddings.
 * {@code escalationDays}: the escalations themselves, from the database and the search index. The
 * last two must cover the analysis window, and analyses are kept at least as long as escalations
 * (an escalation without its analysis cannot be clustered or labelled). {@code maxPurgeFraction}: the
 * largest share of the escalations (or analyses) one night may remove unless the run confirms it
 * ({@code rca run --confirm-purge}); a larger purge is refused and reported, not carried out.
 */
@ConfigurationProperties("rca.retention")
public record RetentionProperties(@DefaultValue("0") int runDays,
                                  @DefaultValue("0") int analysisDays,
                                  @DefaultValue("0") int escalationDays,
                                  @DefaultValue("0.2") double maxPurgeFraction) {

  /** Whether anything is ever purged. */
  public boolean enabled() {
    return runDays > 0 || analysisDays > 0 || escalationDays > 0;
  }

  public RetentionProperties {
    if (runDays < 0 || analysisDays < 0 || escalationDays < 0) {
      throw new IllegalArgumentException("rca.retention values are days and cannot be negative");
    }
    if (!(maxPurgeFraction > 0 && maxPurgeFraction <= 1)) {
      throw new IllegalArgumentException("rca.retention.max-purge-fraction is " + maxPurgeFraction
          + ": it is a share of the escalations, above 0 and at most 1");
    }
    if (analysisDays > 0 && (escalationDays == 0 || analysisDays < escalationDays)) {
      throw new IllegalArgumentException("rca.retention.analysis-days is " + analysisDays
          + ", less than rca.retention.escalation-days (" + (escalationDays == 0 ? "0: for ever" : escalationDays)
          + "): analyses must be kept at least as long as the escalations they describe");
    }
  }
}
