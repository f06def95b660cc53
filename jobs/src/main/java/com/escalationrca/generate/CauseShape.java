package com.escalationrca.generate;

/**
 * How a planted cause unfolds: {@code STEP} starts 3–10 days before the last day at a constant
 * rate (a spike); {@code RAMP} starts 21–28 days before it and its daily cases grow linearly to the
 * last day (a slow trend, which a spike test of the last week sees only in part).
 */
public enum CauseShape {
  STEP,
  RAMP
}
