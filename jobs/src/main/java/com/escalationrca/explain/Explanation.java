package com.escalationrca.explain;

import java.util.Map;

/**
 * One value or combination that explains part of the change: its escalations in the window and in
 * the baseline, the window count the baseline's rate predicts, the lift over it with its exact 95 %
 * interval, the q-value (Benjamini–Hochberg over everything tested) of the test that it changed
 * more than the rest, and its contribution: the share of the change it accounts for. The lift is
 * null for values the baseline never had (new ones). {@code also}: the candidates that describe
 * mostly the same escalations, folded under it so that contributions are not counted twice.
 */
public record Explanation(int rank, String description, Map<String, String> values, long observed,
                          long baselineObserved, double expected, double excess, Double lift, Double liftLow,
                          Double liftHigh, double p, double q, double contribution,
                          java.util.List<String> also) {
}
