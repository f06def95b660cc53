package com.escalationrca.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.escalationrca.cli.ApplicationContexts;
import com.escalationrca.cli.StorageOptions;
import com.escalationrca.cluster.ClusterStore;
import com.escalationrca.cluster.NarrativeDocument;
import com.escalationrca.cluster.PreviousAssignments;
import com.escalationrca.cluster.night.ClusterRun;
import com.escalationrca.correlate.FindingStore;
import com.escalationrca.embed.EmbedProperties;
import com.escalationrca.ingest.EscalationImporter;
import com.escalationrca.job.NightlyRunLauncher;
import com.escalationrca.run.RunLedger;
import com.escalationrca.run.RunWindow;
import org.springframework.batch.core.BatchStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Runs the nightly job itself over a labelled corpus, in a data folder of its own: `import` with the
 * corpus's mapping, then `run --full` on its last day with a window that covers it. What it
 * returns is what a user of that night gets (the run's assignments and cluster labels), plus the
 * cluster step's own service timed again on the same documents (clustering alone: seconds and heap).
 */
public final class NightClustering {

  /**
   * One night's clusters: its report folder, escalation id → cluster id, the clusters' labels, and
   * the documents as the job analysed them.
   */
  public record Night(Path report, Map<String, String> assignments, Map<String, String> labels, Map<String, NarrativeDocument> documents,
                      long embedded, double clusterSeconds, long clusterPeakHeapBytes) {
  }

  private final Path workDir;

  /** Nights are kept in sub-folders of {@code workDir}, one per corpus and setting. */
  public NightClustering(Path workDir) {
    this.workDir = workDir;
  }

  /**
   * The night of {@code corpus}: with the sentence embeddings config/application.yml configures, or,
   * without {@code embeddings}, on terms alone ({@code rca.embed.model: none}).
   */
  public Night night(LabelledCorpus corpus, boolean embeddings) throws Exception {
    StorageOptions storage = StorageOptions.under(
        workDir.resolve(corpus.name().replaceAll("[^A-Za-z0-9]+", "-") + (embeddings ? "" : "-terms")));
    List<String> settings = new ArrayList<>(List.of("--rca.run.window-days=" + corpus.windowDays()));
    if (!embeddings) {
      settings.add("--rca.embed.model=" + EmbedProperties.NONE);
    }
    try (var context = ApplicationContexts.start(storage, settings.toArray(String[]::new))) {
      context.getBean(EscalationImporter.class).importFile(corpus.file(), corpus.mapping(), c -> { });
      NightlyRunLauncher.RunOutcome outcome = context.getBean(NightlyRunLauncher.class).run(corpus.lastDay(), true, false);
      if (outcome.status() != BatchStatus.COMPLETED) {
        throw new IllegalStateException("the night over " + corpus.name() + " did not complete: " + outcome.exitDescription());
      }
      JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
      long runId = jdbc.queryForObject("select max(run_id) from rca_run where run_date = ?", Long.class, corpus.lastDay());
      Map<String, String> assignments = new HashMap<>();
      context.getBean(ClusterStore.class).assignments(runId, assignments::put);
      Map<Long, String> externalIds = new HashMap<>();
      jdbc.query("select id, external_id from escalation", rs -> {
        externalIds.put(rs.getLong(1), rs.getString(2));
      });
      ClusterRun clusters = context.getBean(ClusterRun.class);
      RunWindow window = context.getBean(RunLedger.class).find(runId).orElseThrow();
      List<NarrativeDocument> documents = clusters.windowDocuments(window);
      Map<String, NarrativeDocument> byId = new HashMap<>();
      documents.forEach(d -> byId.put(externalIds.get(d.escalationId()), d));
      // Clustering alone, timed: the step's service again, on the night's documents, with no night before.
      System.gc();
      heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
      long started = System.nanoTime();
      clusters.cluster(documents, PreviousAssignments.NONE);
      double seconds = (System.nanoTime() - started) / 1e9;
      long peak = heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
      return new Night(Path.of(outcome.reportPath()), assignments, context.getBean(FindingStore.class).clusterLabels(runId), byId,
          documents.stream().filter(d -> d.embedding() != null).count(), seconds, peak);
    }
  }

  static List<MemoryPoolMXBean> heapPools() {
    return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
  }

  /** Removes the nights' folders (the embedded PostgreSQL of each stopped with its context). */
  public void clean() throws IOException {
    com.escalationrca.store.Folders.deleteRecursively(workDir);
  }
}
