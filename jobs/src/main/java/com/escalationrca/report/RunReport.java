package com.escalationrca.report;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything one run publishes; serialised field by field into {@code findings.json} (the
 * machine-readable contract documented in docs/connectors.md).
 */
public record RunReport(LocalDate runDate, Window window, Counts counts, List<ClusterSummary> clusters,
                        List<FindingSummary> findings, List<CauseSummary> causes, List<String> ended,
                        List<Resolution> resolutions, List<Delivery> deliveries, List<DropSummary> drops) {

  /**
   * A value whose escalations dropped in the run's last days: its recent count against what its usual
   * share predicts, the ratio with its 95 % interval, q (drops are a family of their own), its daily
   * rate before and since, and the sentence the reports print.
   */
  public record DropSummary(int rank, String dimension, String value, long recent, double expected, double ratio,
                            double ratioLow, double ratioHigh, double qValue, double perDayBefore, double perDayRecent,
                            String summary) {
  }

  /** Where the run was published (jira, webhook, email): sent or failed, attempts, a one-line detail. */
  public record Delivery(String channel, String status, int attempts, String detail) {
  }

  public record Window(LocalDate start, LocalDate end, boolean fullRun) {
  }

  /** Escalations changed since the last run, analysed, embedded, indexed; in the window; clustered or not. */
  public record Counts(long changed, long analyzed, long embedded, long indexed, long inWindow, long clustered,
                       long unclustered, int clusters, int findings) {
  }

  public record ClusterSummary(String id, String label, List<String> topTerms, int size,
                               String profile, String status, List<String> previousIds,
                               List<String> exampleIds) {
  }

  public record FindingSummary(int rank, String kind, String clusterId, String clusterLabel, String dimension,
                               String value, long observed, double expected, double lift,
                               double liftLow, double liftHigh, double pValue, double qValue,
                               long recentObserved, double recentExpected, double spikeQ,
                               LocalDate since, double weeklyChange, double trendQ, double changeQ,
                               String change, double score, String summary, List<String> exampleIds, int cause) {
  }

  /**
   * One cause of the morning read: the findings (ranks, best first) that describe the same
   * escalations, how many escalations they cover, the clusters carrying them, and the terms that
   * weigh most in their narratives.
   */
  public record CauseSummary(int id, int leadRank, List<Integer> ranks, long escalations,
                             List<Carrier> clusters, List<String> topTerms, Tracking tracking) {

    /** Dismissed as a false alarm: kept here, flagged, but out of the morning read's top list. */
    public boolean dismissed() {
      return tracking != null && "dismissed".equals(tracking.state());
    }
  }

  /**
   * The cause as followed across nights: its tracked id, state (new, acknowledged, ticketed,
   * resolved, regressed, dismissed), owner, ticket, the first night it fired and how many nights.
   */
  public record Tracking(long id, String state, String owner, String ticket, LocalDate firstSeen, int nights) {
  }

  /**
   * A resolved (or regressed) cause and the effect of its resolution in this run's window: its
   * escalations before and after the resolution date, as shares of the population's volume, the
   * relative change and the exact test's p-value, in one sentence.
   */
  public record Resolution(long trackedId, String state, String summary, LocalDate resolvedOn, String note,
                           long before, long beforeVolume, long after, long afterVolume, double change,
                           double pValue, String effect) {
  }

  /** A cluster carrying part of a cause: its id, label and how many of the cause's escalations. */
  public record Carrier(String clusterId, String label, long count) {
  }
}
