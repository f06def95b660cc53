package com.escalationrca.index;

import java.time.Duration;

/** A searcher's bounds: the time budget of one search and the deepest result it pages to. */
public record SearchLimits(Duration timeout, int maxWindow) {

  /** No bound: the command line's own searches. */
  public static final SearchLimits NONE = new SearchLimits(null, Integer.MAX_VALUE);

  /** Refuses a page that reaches past the result window, before anything is searched. */
  void checkWindow(SearchRequest request) {
    long reach = (long) request.page() * request.limit();
    if (reach > maxWindow) {
      throw new IllegalArgumentException("page " + request.page() + " of " + request.limit() + " reaches result "
          + reach + "; results can be paged to the " + maxWindow + "th at most (rca.search.max-window): "
          + "narrow the query or add a filter");
    }
  }
}
