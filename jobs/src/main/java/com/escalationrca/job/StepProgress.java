package com.escalationrca.job;

import java.util.function.LongUnaryOperator;

import com.escalationrca.run.RunProgress;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * Shows a step's progress: its total (what is left to do, counted when the step starts, so a
 * restarted step counts only its remaining items) and every chunk written. It listens to writes,
 * not chunks: a step that processes its chunks on a thread pool calls no chunk listeners.
 */
final class StepProgress implements StepExecutionListener, ItemWriteListener<Object> {

  private final RunProgress progress;
  private final LongUnaryOperator totalForRun;
  private RunProgress.Step current;

  /** @param totalForRun items the step will handle for a run id, or -1 when not known */
  StepProgress(RunProgress progress, LongUnaryOperator totalForRun) {
    this.progress = progress;
    this.totalForRun = totalForRun;
  }

  @Override
  public void beforeStep(StepExecution stepExecution) {
    current = progress.start(stepExecution.getStepName(), totalForRun.applyAsLong(RunContext.runId(stepExecution)));
  }

  @Override
  public void afterWrite(Chunk<?> items) {
    if (current != null) {
      current.advance(items.size());
    }
  }

  @Override
  public ExitStatus afterStep(StepExecution stepExecution) {
    if (current != null) {
      current.close();
      current = null;
    }
    return stepExecution.getExitStatus();
  }
}
