package com.escalationrca.index;

import org.apache.lucene.index.QueryTimeout;

/**
 * The deadline of the search running on the current thread. One instance serves every search of a
 * reader: Lucene asks it while it enumerates terms, points and doc values (rewriting a regex,
 * wildcard, fuzzy or range clause) and between blocks of documents while it scores, and each
 * thread answers for its own search; a thread with no deadline never exits.
 */
final class SearchDeadline implements QueryTimeout {

  private final ThreadLocal<long[]> deadline = new ThreadLocal<>();

  void start(long budgetNanos) {
    deadline.set(new long[] {System.nanoTime() + budgetNanos});
  }

  void clear() {
    deadline.remove();
  }

  /** Lifts the current thread's deadline for work shared by every search; {@link #resume} puts it back. */
  long[] suspend() {
    long[] at = deadline.get();
    deadline.remove();
    return at;
  }

  void resume(long[] at) {
    if (at != null) {
      deadline.set(at);
    }
  }

  /** Whether the current thread's search ran past its deadline. */
  boolean passed() {
    long[] at = deadline.get();
    return at != null && System.nanoTime() - at[0] > 0;
  }

  @Override
  public boolean shouldExit() {
    return passed();
  }
}
