package com.escalationrca.index;

import java.time.Instant;

/** One search result: the escalation's id, date, policy, vendor, score and a highlighted snippet. */
public record SearchHit(String id, Instant created, String policy, String vendor, float score,
                        String snippet) {
}
