package com.escalationrca.web;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * At most {@code rca.search.max-concurrent-per-user} searches of one user at a time, pages and API
 * together: a script hammering the API gets 429 for the surplus and leaves the server's threads to
 * everybody else.
 */
public final class SearchPermits {

  private final int perUser;
  private final ConcurrentHashMap<String, AtomicInteger> running = new ConcurrentHashMap<>();

  public SearchPermits(int perUser) {
    this.perUser = perUser;
  }

  /** Thrown when the user already has as many searches running as allowed. */
  public static final class TooManySearchesException extends RuntimeException {
    TooManySearchesException(int perUser) {
      super("you already have " + perUser + " searches running (rca.search.max-concurrent-per-user); "
          + "wait for them to finish");
    }
  }

  public <T> T run(String user, Supplier<T> search) {
    AtomicInteger count = running.computeIfAbsent(user, u -> new AtomicInteger());
    if (count.incrementAndGet() > perUser) {
      count.decrementAndGet();
      throw new TooManySearchesException(perUser);
    }
    try {
      return search.get();
    } finally {
      count.decrementAndGet();
    }
  }
}
