package com.escalationrca.job;

/** Job parameter and execution-context keys of {@code nightlyRca}. */
public final class RunParameters {

  /** Identifying: the run date; one job instance per date. */
  public static final String RUN_DATE = "runDate";
  /** Identifying: 0 for the night's run, 1, 2… for explicit reruns of a completed date. */
  public static final String ATTEMPT = "attempt";
  /** Not identifying: re-analyse everything instead of what changed since the last run. */
  public static final String FULL = "full";
  /** Not identifying: retention may remove more than its max-purge-fraction tonight. */
  public static final String CONFIRM_PURGE = "confirmPurge";
  /** Execution context: where the report was written. */
  public static final String REPORT_PATH = "reportPath";

  /** Execution context of retainStep: what retention removed or refused, in one line. */
  public static final String RETENTION = "retention";

  private RunParameters() {
  }
}
