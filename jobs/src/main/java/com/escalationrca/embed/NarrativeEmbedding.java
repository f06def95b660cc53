package com.escalationrca.embed;

import java.time.Instant;

/**
 * A narrative's sentence embedding, made from the version of it changed at {@code changedAt}, as
 * stored ({@link VectorCodec}); {@code reused} when it is the vector of an identical text.
 */
public record NarrativeEmbedding(long escalationId, Instant changedAt, byte[] vector, byte[] textHash, boolean reused) {
}
