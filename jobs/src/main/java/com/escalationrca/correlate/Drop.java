package com.escalationrca.correlate;

/**
 * A value whose escalations fell: in the last days, {@code recent} against the {@code expected}
 * its usual share of volume predicts, the ratio with its exact 95 % interval, the one-sided p-value
 * and its Benjamini–Hochberg q-value (drops are a family of their own), its daily rate before and
 * in the last days, and a one-sentence summary.
 */
public record Drop(int rank, String dimension, String value, long recent, double expected, double ratio,
                   double ratioLow, double ratioHigh, double pValue, double qValue, double perDayBefore,
                   double perDayRecent, String summary) {
}
