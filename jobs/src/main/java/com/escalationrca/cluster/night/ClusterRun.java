package com.escalationrca.cluster.night;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.escalationrca.cluster.Cluster;
import com.escalationrca.cluster.ClusterIdentity;
import com.escalationrca.cluster.ClusterProperties;
import com.escalationrca.cluster.ClusterStore;
import com.escalationrca.cluster.Clustering;
import com.escalationrca.cluster.NarrativeClusterer;
import com.escalationrca.cluster.NarrativeDocument;
import com.escalationrca.cluster.Overlap;
import com.escalationrca.cluster.PreviousAssignments;
import com.escalationrca.cluster.TermStatistics;
import com.escalationrca.embed.EmbedProperties;
import com.escalationrca.embed.EmbeddingStore;
import com.escalationrca.index.EscalationIndex;
import com.escalationrca.index.IndexTermStatistics;
import com.escalationrca.nlp.AnalysisStore;
import com.escalationrca.run.RunLedger;
import com.escalationrca.run.RunWindow;
import com.escalationrca.store.StorageProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** The cluster step: tonight's window clustered, named with last night's ids, saved and tagged for search. */
@Service
public class ClusterRun {

  private static final Logger log = LoggerFactory.getLogger(ClusterRun.class);

  private final RunLedger ledger;
  private final AnalysisStore analyses;
  private final EmbeddingStore embeddings;
  private final EmbedProperties embed;
  private final ClusterStore clusters;
  private final ClusterProperties properties;
  private final StorageProperties storage;

  public ClusterRun(RunLedger ledger, AnalysisStore analyses, EmbeddingStore embeddings, EmbedProperties embed,
                    ClusterStore clusters, ClusterProperties properties, StorageProperties storage) {
    this.ledger = ledger;
    this.analyses = analyses;
    this.embeddings = embeddings;
    this.embed = embed;
    this.clusters = clusters;
    this.properties = properties;
    this.storage = storage;
  }

  /** Clusters the run's window and saves it; returns the clustering, with the size of the window. */
  public Clustering run(long runId) {
    RunWindow window = ledger.find(runId).orElseThrow();
    List<NarrativeDocument> documents = windowDocuments(window);
    // Last night's clusters: tonight's lean on them (stable problems) and inherit their ids.
    Optional<Long> previousRun = ledger.previousCompletedRun(runId);
    List<ClusterIdentity.PreviousCluster> previous = previousRun.map(clusters::clustersOf).orElse(List.of());
    PreviousAssignments before = previousRun.map(clusters::assignmentsOf).orElse(PreviousAssignments.NONE);
    Clustering found = cluster(documents, before);
    Clustering clustering = found.identified(new ClusterIdentity(properties.identityThreshold())
        .match(found.clusters(), found.clusters().stream().map(Cluster::signature).toList(),
            previous, Overlap.of(found, previous, before), clusters.highestIssuedId()));
    clusters.save(runId, clustering);
    tagIndex(runId);
    ledger.count(runId, "window_size", documents.size());
    ledger.count(runId, "cluster_count", clustering.clusters().size());
    return clustering;
  }

  /** The window's narratives as analysed; those with a current embedding are clustered by it, the others by their terms. */
  public List<NarrativeDocument> windowDocuments(RunWindow window) {
    Map<Long, float[]> vectors = embeddings.windowVectors(window, embed, embed.modelIdentity());
    return analyses.windowDocuments(window).stream()
        .map(d -> vectors.containsKey(d.escalationId()) ? d.withEmbedding(vectors.get(d.escalationId())) : d).toList();
  }

  /** Clusters documents as the night does: term weights from the search index, leaning on earlier assignments. */
  public Clustering cluster(List<NarrativeDocument> documents, PreviousAssignments before) {
    try (TermStatistics statistics = IndexTermStatistics.open(storage.indexDir())) {
      return new NarrativeClusterer(properties).cluster(documents, statistics, before);
    }
  }

  /**
   * Analysts filter searches by cluster: the index shows the latest run's clusters, so tonight's
   * window is tagged and the tags of last run's documents that left the window are cleared.
   */
  private void tagIndex(long runId) {
    Map<String, Integer> numbers = new HashMap<>();
    clusters.assignments(runId, (id, cluster) -> numbers.put(id, ClusterIdentity.number(cluster)));
    ledger.lastFinishedRun(runId).ifPresent(last -> clusters.assignments(last, (id, cluster) -> numbers.putIfAbsent(id, 0)));
    try (EscalationIndex index = EscalationIndex.open(storage.indexDir())) {
      if (!index.tagClusters(numbers)) {
        // Search tags must not cost the night its report: say how to fix the index, go on.
        log.warn("The search index in {} has no cluster field (empty, or built before cluster tags);"
            + " searches by --cluster will find nothing until `reindex` is run", storage.indexDir());
      }
    }
  }
}
