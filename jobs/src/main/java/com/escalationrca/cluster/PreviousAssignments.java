package com.escalationrca.cluster;

import java.util.Arrays;

/**
 * Last night's cluster of every escalation in last night's window, as cluster numbers (0: not
 * clustered). Sorted arrays, not a map: at a million escalations this is 12 MB instead of ~100.
 */
public final class PreviousAssignments {

  /** No previous run: every escalation is new. */
  public static final PreviousAssignments NONE = new PreviousAssignments(new long[0], new int[0]);

  /** Returned by {@link #numberOf} for an escalation that was not in last night's window. */
  public static final int ABSENT = -1;

  private final long[] escalationIds;
  private final int[] numbers;

  /** @param escalationIds ascending */
  public PreviousAssignments(long[] escalationIds, int[] numbers) {
    if (escalationIds.length != numbers.length) {
      throw new IllegalArgumentException("one cluster number per escalation expected");
    }
    for (int i = 1; i < escalationIds.length; i++) {
      if (escalationIds[i] <= escalationIds[i - 1]) {
        throw new IllegalArgumentException("escalation ids must be strictly ascending");
      }
    }
    this.escalationIds = escalationIds;
    this.numbers = numbers;
  }

  /** Last night's cluster number of the escalation, 0 if it was not clustered, {@link #ABSENT} if not there. */
  public int numberOf(long escalationId) {
    int i = Arrays.binarySearch(escalationIds, escalationId);
    return i < 0 ? ABSENT : numbers[i];
  }

  public boolean isEmpty() {
    return escalationIds.length == 0;
  }
}
