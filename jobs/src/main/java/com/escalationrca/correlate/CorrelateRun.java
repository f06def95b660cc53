package com.escalationrca.correlate;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.escalationrca.cluster.DistinctiveTerms;
import com.escalationrca.cluster.TermStatistics;
import com.escalationrca.events.EventCitations;
import com.escalationrca.index.IndexTermStatistics;
import com.escalationrca.ingest.Taxonomy;
import com.escalationrca.nlp.AnalysisStore;
import com.escalationrca.run.RunLedger;
import com.escalationrca.run.RunWindow;
import com.escalationrca.store.StorageProperties;
import com.escalationrca.track.CauseTracker;
import org.springframework.stereotype.Service;

/** The correlate step: tonight's findings and causes from the clustered window, saved and followed across nights. */
@Service
public class CorrelateRun {

  /** Terms shown per cause, and how many of its narratives (in window order) they are drawn from. */
  private static final int CAUSE_TERMS = 8;
  private static final int CAUSE_TERM_SAMPLE = 2000;

  private final RunLedger ledger;
  private final FindingStore findings;
  private final AnalysisStore analyses;
  private final CorrelateProperties properties;
  private final Taxonomy taxonomy;
  private final StorageProperties storage;
  private final CauseTracker tracker;
  private final EventCitations citations;
  private final DropProperties drops;

  public CorrelateRun(RunLedger ledger, FindingStore findings, AnalysisStore analyses, CorrelateProperties properties,
                      Taxonomy taxonomy, StorageProperties storage, CauseTracker tracker, EventCitations citations,
                      DropProperties drops) {
    this.drops = drops;
    this.ledger = ledger;
    this.findings = findings;
    this.analyses = analyses;
    this.properties = properties;
    this.taxonomy = taxonomy;
    this.storage = storage;
    this.tracker = tracker;
    this.citations = citations;
  }

  /** Correlates the run's clustered window, saves the findings and tracks tonight's causes. */
  public Correlation run(long runId) {
    RunWindow window = ledger.find(runId).orElseThrow();
    // A finding whose rise began on or soon after an event concerning its values cites it, in every report and message.
    EventCitations.Citer citer = citations.forDays(window.windowStart(), window.windowEnd());
    Correlation correlation = correlate(findings.observations(runId), findings.clusterLabels(runId),
        window.windowStart(), window.windowEnd())
        .withCitations(f -> citer.cite(f.since(), Finding.values(f.dimension(), f.value())));
    findings.save(runId, correlation);
    // Tonight's causes join the ones followed across nights (and a resolved one that fires again regresses).
    tracker.track(runId, window.runDate());
    ledger.count(runId, "finding_count", correlation.findings().size());
    return correlation;
  }

  /**
   * Findings and causes of a window's observations as the night computes them; each cause is
   * described by the words of its own narratives, weighed by the search index's statistics.
   */
  public Correlation correlate(List<Observation> observations, Map<String, String> clusterLabels,
                               LocalDate windowStart, LocalDate windowEnd) {
    Correlation correlation = new Correlator(properties, taxonomy)
        .correlate(observations, clusterLabels, windowStart, windowEnd)
        .withDrops(new DropDetector(properties, drops).detect(observations, windowStart, windowEnd));
    try (TermStatistics statistics = IndexTermStatistics.open(storage.indexDir())) {
      return correlation.withCauseTerms(cause -> DistinctiveTerms.of(
          analyses.documents(cause.memberIds().stream().limit(CAUSE_TERM_SAMPLE).toList()), statistics, CAUSE_TERMS));
    }
  }
}
