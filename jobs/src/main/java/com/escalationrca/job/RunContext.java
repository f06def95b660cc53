package com.escalationrca.job;

import org.springframework.batch.core.step.StepExecution;

/** The run id of a step: the job instance id, one per run date (and rerun attempt). */
final class RunContext {

  private RunContext() {
  }

  static long runId(StepExecution step) {
    return step.getJobExecution().getJobInstance().getInstanceId();
  }
}
