package com.escalationrca.embed;

import java.time.Instant;

/**
 * A narrative to embed: its escalation, the version it was analysed from, its text, the hash of
 * its text with whitespace collapsed, and the stored vector of an identical text from the same
 * model when there is one (else null).
 */
public record PendingEmbedding(long escalationId, Instant changedAt, String narrative, byte[] textHash,
                               byte[] storedVector) {
}
