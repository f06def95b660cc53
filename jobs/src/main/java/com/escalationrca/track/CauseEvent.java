package com.escalationrca.track;

import java.time.Instant;

/** One change of a tracked cause: who, when, what. */
public record CauseEvent(long causeId, Instant at, String actor, String action, String detail) {
}
