package com.escalationrca.embed;

import java.time.Instant;

/** A narrative to embed: its escalation, the version it was analysed from, and its text. */
public record PendingEmbedding(long escalationId, Instant changedAt, String narrative) {
}
