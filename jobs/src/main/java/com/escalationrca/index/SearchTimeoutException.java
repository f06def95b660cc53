package com.escalationrca.index;

import java.time.Duration;

/** A search stopped at its time budget (rca.search.timeout): the server answers 503, never partial hits. */
public final class SearchTimeoutException extends RuntimeException {

  public SearchTimeoutException(String query, Duration budget) {
    super("the search '" + query + "' ran longer than " + budget.toMillis() + " ms and was stopped "
        + "(rca.search.timeout); narrow it: a regular expression or a leading wildcard reads every word of the index");
  }
}
