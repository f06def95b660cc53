package com.escalationrca.correlate;

import java.util.List;
import java.util.Set;

/**
 * What changed since the previous run. A finding is identified by its kind, cluster id (stable
 * across nights; "all" for findings over all escalations), dimension and value: tonight's findings
 * are new or continuing, and last run's findings missing tonight have ended.
 */
public final class FindingChanges {

  public static final String NEW = "new";
  public static final String CONTINUING = "continuing";

  private FindingChanges() {
  }

  /** The key of a finding across runs. */
  public static String key(String kind, String clusterId, String dimension, String value) {
    return kind + "\u0001" + clusterId + "\u0001" + dimension + "\u0001" + value;
  }

  public static String change(String key, Set<String> previousKeys) {
    return previousKeys.contains(key) ? CONTINUING : NEW;
  }

  /** Last run's finding keys that tonight's findings do not have. */
  public static List<String> ended(Set<String> previousKeys, Set<String> currentKeys) {
    return previousKeys.stream().filter(k -> !currentKeys.contains(k)).sorted().toList();
  }
}
