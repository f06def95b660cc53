package com.escalationrca.index;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What one search may cost on the server ({@code rca.search.*}): a time budget after which it is
 * stopped (a regex or leading wildcard scans whole term dictionaries), how deep results can be
 * paged ({@code page × limit}, as Elasticsearch's result window), and how many searches one user
 * may have running at once. {@code rca search} on the command line is the user's own process and
 * runs unbounded.
 */
@ConfigurationProperties("rca.search")
public record SearchProperties(@DefaultValue("2s") Duration timeout,
                               @DefaultValue("10000") int maxWindow,
                               @DefaultValue("2") int maxConcurrentPerUser) {

  public SearchProperties {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("rca.search.timeout must be positive, like 2s");
    }
    if (maxWindow < 1 || maxConcurrentPerUser < 1) {
      throw new IllegalArgumentException("rca.search.max-window and rca.search.max-concurrent-per-user must be at least 1");
    }
  }

  /** The bounds a searcher enforces. */
  public SearchLimits limits() {
    return new SearchLimits(timeout, maxWindow);
  }
}
