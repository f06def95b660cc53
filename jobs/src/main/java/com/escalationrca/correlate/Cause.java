package com.escalationrca.correlate;

import java.util.List;

/**
 * One cause of the morning read: the findings (by rank) that describe the same escalations, how
 * many escalations they cover together, the clusters that carry them (most first), and the terms
 * that weigh most in their narratives. {@code memberIds} are those escalations' external ids, for
 * computing the terms; they are not published.
 */
public record Cause(int id, List<Integer> ranks, long escalations, List<Carrier> clusters, List<String> topTerms,
                    List<String> memberIds) {

  /** A cluster carrying some of a cause's escalations. */
  public record Carrier(String clusterId, String label, long count) {
  }

  public Cause {
    ranks = List.copyOf(ranks);
    clusters = List.copyOf(clusters);
    topTerms = List.copyOf(topTerms);
    memberIds = List.copyOf(memberIds);
  }

  /** The finding that leads the cause: its best-ranked one. */
  public int leadRank() {
    return ranks.get(0);
  }

  public Cause withTopTerms(List<String> terms) {
    return new Cause(id, ranks, escalations, clusters, terms, memberIds);
  }
}
