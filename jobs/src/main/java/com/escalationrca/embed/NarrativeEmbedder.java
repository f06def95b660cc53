package com.escalationrca.embed;

import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

import com.escalationrca.nlpmodels.SentenceEncoder;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * The embed step's processor: a narrative whose text (whitespace aside) already has a stored vector
 * from this model, or was embedded earlier in this process, takes that vector; any other is run
 * through the encoder. A vector is a function of the text alone (chunks run one at a time), so a
 * reused vector is the one the model would make, and nights stay reproducible.
 */
public final class NarrativeEmbedder implements ItemProcessor<PendingEmbedding, NarrativeEmbedding> {

  /** Recent vectors by text hash: duplicates within a night are near each other in time; 388 bytes each. */
  private static final int RECENT = 20_000;

  private final Supplier<SentenceEncoder> encoder;
  // Futures, so that two threads meeting one text at once run the model once: the second waits.
  private final Map<String, FutureTask<byte[]>> recent = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, FutureTask<byte[]>> eldest) {
      return size() > RECENT;
    }
  });

  public NarrativeEmbedder(Supplier<SentenceEncoder> encoder) {
    this.encoder = encoder;
  }

  @Override
  public NarrativeEmbedding process(PendingEmbedding pending) {
    if (pending.storedVector() != null) {
      return new NarrativeEmbedding(pending.escalationId(), pending.changedAt(), pending.storedVector(),
          pending.textHash(), true);
    }
    String key = HexFormat.of().formatHex(pending.textHash());
    FutureTask<byte[]> made = new FutureTask<>(() -> VectorCodec.encode(encoder.get().embed(pending.narrative())));
    FutureTask<byte[]> first = recent.putIfAbsent(key, made);
    if (first == null) {
      made.run();
    }
    byte[] vector = vector(first == null ? made : first, key);
    return new NarrativeEmbedding(pending.escalationId(), pending.changedAt(), vector, pending.textHash(), first != null);
  }

  private byte[] vector(FutureTask<byte[]> task, String key) {
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while embedding", e);
    } catch (ExecutionException e) {
      recent.remove(key, task); // a failure is not remembered: the next night tries the text again
      throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
    }
  }
}
