package com.escalationrca.job;

import java.nio.file.Path;

import com.escalationrca.index.EscalationIndex;
import com.escalationrca.index.IndexedEscalation;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/** Holds the Lucene writer open for the index step and commits after every chunk. */
final class IndexStepWriter implements ItemWriter<IndexedEscalation>, StepExecutionListener {

  private final Path directory;
  private EscalationIndex index;

  IndexStepWriter(Path directory) {
    this.directory = directory;
  }

  @Override
  public void beforeStep(StepExecution stepExecution) {
    index = EscalationIndex.open(directory);
  }

  @Override
  public void write(Chunk<? extends IndexedEscalation> chunk) {
    index.upsert(java.util.List.copyOf(chunk.getItems()));
  }

  @Override
  public ExitStatus afterStep(StepExecution stepExecution) {
    if (index != null) {
      index.close();
      index = null;
    }
    return stepExecution.getExitStatus();
  }
}
