package com.escalationrca.track;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A cause followed across nights: its state, who owns it, its ticket, when it was resolved and
 * why, the nights it fired (first and last), and who changed it last.
 */
public record TrackedCause(long id, CauseState state, String summary, String clusterId, String dimension, String value,
                           String owner, String ticket, LocalDate resolvedOn, String note, LocalDate firstSeen,
                           LocalDate lastSeen, LocalDate onset, Instant updatedAt, String updatedBy) {
}
