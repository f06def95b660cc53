package com.escalationrca.index;

import java.time.Instant;

/**
 * One search result: the escalation's id, date, policy, vendor, cluster (empty if none yet), score
 * and a snippet with the matched words in {@code <b>…</b>}.
 */
public record SearchHit(String id, Instant created, String policy, String vendor, String cluster,
                        float score, String snippet) {
}
