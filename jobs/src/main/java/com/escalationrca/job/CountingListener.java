package com.escalationrca.job;

import java.util.function.LongUnaryOperator;

import com.escalationrca.run.RunLedger;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * After a chunk step, records a run count from the database rather than from the step's own write
 * count, so the figure stays right when a step was restarted part-way.
 */
final class CountingListener implements StepExecutionListener {

  private final RunLedger ledger;
  private final String column;
  private final LongUnaryOperator countForRun;

  CountingListener(RunLedger ledger, String column, LongUnaryOperator countForRun) {
    this.ledger = ledger;
    this.column = column;
    this.countForRun = countForRun;
  }

  @Override
  public ExitStatus afterStep(StepExecution stepExecution) {
    long runId = RunContext.runId(stepExecution);
    ledger.count(runId, column, countForRun.applyAsLong(runId));
    return stepExecution.getExitStatus();
  }
}
