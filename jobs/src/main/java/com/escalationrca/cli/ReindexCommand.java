package com.escalationrca.cli;

import java.util.concurrent.Callable;

import com.escalationrca.index.IndexRebuilder;
import com.escalationrca.job.RunLock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "reindex", mixinStandardHelpOptions = true,
    description = {"Rebuilds the search index from PostgreSQL (the source of truth).",
        "Every escalation kept, tagged with its cluster in the latest completed run. Builds beside the index and"
            + " swaps it in; run it while nobody searches. Takes the same lock as runs: refused (exit 3) while a run"
            + " is in progress."})
final class ReindexCommand implements Callable<Integer> {

  @Mixin
  StorageOptions storage;

  @Override
  public Integer call() {
    try (var context = ApplicationContexts.start(storage);
         RunLock.Held ignored = context.getBean(RunLock.class).acquire("reindex")) {
      long started = System.nanoTime();
      long count = context.getBean(IndexRebuilder.class).rebuild();
      double seconds = (System.nanoTime() - started) / 1e9;
      System.out.printf("reindexed %,d escalations in %.1f s (%,.0f/s)%n", count, seconds, count / Math.max(seconds, 1e-9));
      return 0;
    }
  }
}
