package com.escalationrca.bench;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.escalationrca.correlate.Finding;
import com.escalationrca.correlate.FindingMembers;
import com.escalationrca.correlate.Observation;
import com.escalationrca.generate.PlantedCause;

/**
 * What the ground truth says of a published finding: whether it names a planted cause (its vendor,
 * alone or with the cause's market and policy, and escalations mostly of the cause's theme), or is
 * collateral (names none, and planted escalations are less than half of its excess: it describes
 * something else, usually a cluster that mixes two problems).
 */
final class PlantedTruth {

  /** What the benchmark knows of one escalation: its theme and whether a cause planted it. */
  record Truth(String theme, boolean planted) {
  }

  private final Map<String, Truth> byId;
  private final FindingMembers members;

  PlantedTruth(Map<String, Truth> byId, FindingMembers members) {
    this.byId = byId;
    this.members = members;
  }

  /** A finding as published: kind, cluster, values, counts. */
  record Published(String kind, String clusterId, String dimension, String value, long observed, double expected) {

    static Published of(Finding f) {
      return new Published(f.kind(), f.clusterId(), f.dimension(), f.value(), f.observed(), f.expected());
    }
  }

  boolean names(Published f, PlantedCause cause) {
    return cause.isNamedBy(f.dimension(), f.value()) && cause.theme().equals(majorityTheme(f));
  }

  boolean collateral(Published f, List<PlantedCause> causes) {
    if (causes.stream().anyMatch(c -> names(f, c))) {
      return false;
    }
    long planted = rows(f).stream().filter(o -> byId.get(o.externalId()).planted()).count();
    return planted < 0.5 * (f.observed() - f.expected());
  }

  /** The theme most of the finding's escalations have. */
  String majorityTheme(Published f) {
    return rows(f).stream().collect(Collectors.groupingBy(o -> byId.get(o.externalId()).theme(), Collectors.counting()))
        .entrySet().stream().max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
        .map(Map.Entry::getKey).orElse("none");
  }

  private List<Observation> rows(Published f) {
    return members.of(f.kind(), f.clusterId(), f.dimension(), f.value());
  }
}
