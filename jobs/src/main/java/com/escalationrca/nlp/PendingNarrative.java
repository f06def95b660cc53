package com.escalationrca.nlp;

import java.time.Instant;

/** An escalation whose narrative needs (re-)analysis: new, changed, or never analysed. */
public record PendingNarrative(long escalationId, String narrative, String declaredLanguage,
                               Instant changedAt) {
}
