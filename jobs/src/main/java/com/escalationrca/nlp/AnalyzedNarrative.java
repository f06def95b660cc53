package com.escalationrca.nlp;

import java.time.Instant;

/** The analysis of one escalation's narrative as of its {@code changedAt}. */
public record AnalyzedNarrative(long escalationId, Instant changedAt, NarrativeAnalysis analysis) {
}
