package com.escalationrca.explain;

import java.util.List;

/**
 * The answer: the headline change, the explanations by rank, how many candidates were tested, and
 * the share of the change that the explanations shown together leave unexplained.
 */
public record Explained(Change change, List<Explanation> explanations, int tested, double unexplained) {

  /** The window against what the baseline's daily rate predicts for it. */
  public record Change(String window, String baseline, String where, long observed, long baselineObserved,
                       double expected, double excess, double ratio, String summary) {
  }
}
