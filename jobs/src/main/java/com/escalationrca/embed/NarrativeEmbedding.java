package com.escalationrca.embed;

import java.time.Instant;

/** A narrative's sentence embedding, made from the version of it changed at {@code changedAt}. */
public record NarrativeEmbedding(long escalationId, Instant changedAt, float[] vector) {
}
