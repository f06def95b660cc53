package com.escalationrca.explain;

import java.util.List;
import java.util.Map;

/**
 * One value or combination that explains part of the change: its escalations in the window and in
 * the baseline, the window count the baseline's rate predicts, the lift over it with its exact 95 %
 * interval, the q-value (Benjamini–Hochberg over everything tested) of the test that it changed
 * more than the rest, and its contribution: the share of the change it accounts for. The lift is
 * null for values the baseline never had (new ones). {@code cluster} and {@code clusterLabel} name
 * the narrative cluster when the explanation is one (alone or with values). {@code also}: the
 * candidates that describe mostly the same escalations, folded under it so that contributions are
 * not counted twice. {@code examples}: newest escalations of the window behind it; {@code search}:
 * the search query (with the window's dates) that lists them all; {@code event}: the event it cites
 * (one concerning its values that began within {@code rca.events.lead-days} before the window, or
 * in it), or null. {@code within}: the parts of it that changed more than the rest but hold only some
 * of its excess ("within it: policy hateful_conduct, 63 %"), so that the contributions of the
 * explanations themselves add up; a part has rank 0 and no parts of its own.
 */
public record Explanation(int rank, String description, Map<String, String> values, String cluster,
                          String clusterLabel, long observed, long baselineObserved, double expected, double excess,
                          Double lift, Double liftLow, Double liftHigh, double p, double q, double contribution,
                          List<String> also, List<String> examples, Search search, String event,
                          List<Explanation> within) {

  /**
   * The search listing the escalations behind it: {@code query} for {@code rca search} (the
   * question's query AND each value as an exact filter), with the window's days and the cluster;
   * {@code text} and {@code filters} are the same split as the search page takes them.
   */
  public record Search(String query, String text, Map<String, String> filters, java.time.LocalDate from,
                       java.time.LocalDate to, String cluster) {
  }
}
