package com.escalationrca.index;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A searcher for a long-running server over an index that other processes rewrite (`rca run`,
 * `reindex`): before a search it checks, at most once a second, whether the folder holds a newer
 * commit and then opens it. A replaced searcher closes when its last in-flight search ends, so a
 * night's reindex never breaks a page being served and no restart is needed.
 */
public final class LiveSearcher implements AutoCloseable {

  private static final long CHECK_INTERVAL_NANOS = 1_000_000_000L;

  private final Path directory;
  private final SearchLimits limits;
  private Lease current;
  private long checkedAt;

  public LiveSearcher(Path directory, SearchLimits limits) {
    this.directory = directory;
    this.limits = limits;
  }

  /** Thrown when there is no index yet: the nightly job has not run on this data folder. */
  public static final class NoIndexException extends IllegalStateException {
    NoIndexException(String message) {
      super(message);
    }
  }

  /** Runs {@code search} on the newest index; the searcher stays open until it returns. */
  public <T> T with(Function<EscalationSearcher, T> search) {
    Lease lease = acquire();
    try {
      return search.apply(lease.searcher);
    } finally {
      lease.release();
    }
  }

  private synchronized Lease acquire() {
    long now = System.nanoTime();
    if (current == null || now - checkedAt > CHECK_INTERVAL_NANOS) {
      checkedAt = now;
      if (current == null || current.searcher.stale()) {
        Lease fresh = open();
        if (current != null) {
          current.release();
        }
        current = fresh;
      }
    }
    current.references.incrementAndGet();
    return current;
  }

  private Lease open() {
    try {
      return new Lease(EscalationSearcher.open(directory, limits));
    } catch (IllegalStateException e) {
      throw new NoIndexException(e.getMessage());
    }
  }

  @Override
  public synchronized void close() {
    if (current != null) {
      current.release();
      current = null;
    }
  }

  private static final class Lease {
    private final EscalationSearcher searcher;
    // One reference for being current, one per search in flight.
    private final AtomicInteger references = new AtomicInteger(1);

    Lease(EscalationSearcher searcher) {
      this.searcher = searcher;
    }

    void release() {
      if (references.decrementAndGet() == 0) {
        searcher.close();
      }
    }
  }
}
