package com.escalationrca.cluster;

import java.util.OptionalDouble;

/**
 * Inverse document frequencies from outside the window, such as the search index's statistics over
 * every escalation ever indexed: steadier than one window's counts, so a term's weight does not
 * swing from night to night with the window's mix.
 */
public interface TermStatistics extends AutoCloseable {

  /** No statistics: every weight comes from the window itself. */
  TermStatistics WINDOW_ONLY = (surface, language) -> OptionalDouble.empty();

  /** The smoothed idf, ln((1 + N) / (1 + df)) + 1, of a term as written, or empty when unknown. */
  OptionalDouble idf(String surface, String language);

  @Override
  default void close() {
  }
}
