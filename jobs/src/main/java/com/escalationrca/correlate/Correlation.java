package com.escalationrca.correlate;

import java.util.List;
import java.util.Map;

/**
 * The correlate step's outcome: ranked findings, cluster profiles, how many tests were run, the
 * causes the findings group into (in rank order of their best finding), and the values whose
 * escalations dropped.
 */
public record Correlation(List<Finding> findings, Map<String, ClusterProfile> profiles, int tests, List<Cause> causes,
                          List<Drop> drops) {

  public Correlation {
    findings = List.copyOf(findings);
    profiles = Map.copyOf(profiles);
    causes = List.copyOf(causes);
    drops = List.copyOf(drops);
  }

  public Correlation(List<Finding> findings, Map<String, ClusterProfile> profiles, int tests, List<Cause> causes) {
    this(findings, profiles, tests, causes, List.of());
  }

  /** The same outcome with these drops. */
  public Correlation withDrops(List<Drop> found) {
    return new Correlation(findings, profiles, tests, causes, found);
  }

  /** The same outcome, each finding's summary citing the event {@code citation} names for it (if any). */
  public Correlation withCitations(java.util.function.Function<Finding, java.util.Optional<String>> citation) {
    return new Correlation(findings.stream().map(f -> citation.apply(f).map(f::citing).orElse(f)).toList(), profiles,
        tests, causes, drops);
  }

  /** The same outcome with each cause's top terms set by {@code terms}. */
  public Correlation withCauseTerms(java.util.function.Function<Cause, List<String>> terms) {
    return new Correlation(findings, profiles, tests, causes.stream().map(c -> c.withTopTerms(terms.apply(c))).toList(),
        drops);
  }
}
