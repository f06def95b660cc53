package com.escalationrca.job;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import com.escalationrca.cluster.Cluster;
import com.escalationrca.cluster.ClusterIdentity;
import com.escalationrca.cluster.ClusterProperties;
import com.escalationrca.cluster.ClusterStore;
import com.escalationrca.cluster.DistinctiveTerms;
import com.escalationrca.cluster.Clustering;
import com.escalationrca.cluster.NarrativeClusterer;
import com.escalationrca.cluster.Overlap;
import com.escalationrca.cluster.PreviousAssignments;
import com.escalationrca.cluster.TermStatistics;
import com.escalationrca.index.IndexTermStatistics;
import com.escalationrca.correlate.CorrelateProperties;
import com.escalationrca.correlate.Correlation;
import com.escalationrca.correlate.Correlator;
import com.escalationrca.correlate.FindingStore;
import com.escalationrca.embed.EmbedProperties;
import com.escalationrca.embed.EmbeddingStore;
import com.escalationrca.embed.NarrativeEmbedding;
import com.escalationrca.embed.PendingEmbedding;
import com.escalationrca.nlpmodels.SentenceEncoder;
import com.escalationrca.index.EscalationIndex;
import com.escalationrca.index.IndexedEscalation;
import com.escalationrca.ingest.Taxonomy;
import com.escalationrca.nlp.AnalysisStore;
import com.escalationrca.nlp.AnalyzedNarrative;
import com.escalationrca.nlp.NarrativeAnalyzer;
import com.escalationrca.nlp.PendingNarrative;
import com.escalationrca.nlpmodels.NlpModels;
import com.escalationrca.report.ReportPublisher;
import com.escalationrca.retain.Retention;
import com.escalationrca.run.RunLedger;
import com.escalationrca.run.RunProgress;
import com.escalationrca.run.RunProperties;
import com.escalationrca.run.RunWindow;
import com.escalationrca.store.StorageProperties;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.batch.infrastructure.item.database.Order;
import org.springframework.batch.infrastructure.item.database.builder.JdbcPagingItemReaderBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The nightly job {@code nightlyRca}: pull → analyze → embed → index → cluster → correlate → publish
 * → retain.
 * One job instance per run date (plus a rerun attempt number). The chunk steps keep their reader
 * position in the job repository and the tasklets replace their run's rows, so a failed night
 * restarts from the step that failed and completed steps are not repeated.
 */
@Configuration(proxyBeanMethods = false)
class NightlyRcaJobConfiguration {

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(NightlyRcaJobConfiguration.class);

  static final String JOB_NAME = "nightlyRca";
  /** Terms shown per cause, and how many of its narratives (in window order) they are drawn from. */
  private static final int CAUSE_TERMS = 8;
  private static final int CAUSE_TERM_SAMPLE = 2000;

  @Bean
  Job nightlyRca(JobRepository repository, Step pullStep, Step analyzeStep, Step embedStep, Step indexStep,
                 Step clusterStep, Step correlateStep, Step publishStep, Step deliverStep, Step retainStep) {
    return new JobBuilder(JOB_NAME, repository)
        .start(pullStep).next(analyzeStep).next(embedStep).next(indexStep).next(clusterStep)
        .next(correlateStep).next(publishStep).next(deliverStep).next(retainStep)
        .build();
  }

  /** A progress bar per step on a terminal, a log line every so often elsewhere. */
  @Bean
  RunProgress runProgress(RunProperties run) {
    return RunProgress.forThisProcess(java.time.Duration.ofSeconds(run.progressSeconds()));
  }

  /** The sentence encoder, opened on first use: commands and nights with nothing to embed never load it. */
  @Bean(destroyMethod = "close")
  @Lazy
  SentenceEncoder sentenceEncoder(EmbedProperties embed) {
    return embed.open();
  }

  @Bean
  @Lazy
  NlpModels nlpModels() {
    return NlpModels.load();
  }

  @Bean
  Step pullStep(JobRepository repository, PlatformTransactionManager tx, RunLedger ledger,
                RunProperties run, JdbcTemplate jdbc, RunProgress progress) {
    return new StepBuilder("pullStep", repository).tasklet((contribution, chunk) -> {
      StepExecution step = contribution.getStepExecution();
      var parameters = step.getJobExecution().getJobParameters();
      LocalDate runDate = parameters.getLocalDate(RunParameters.RUN_DATE);
      boolean full = Boolean.parseBoolean(parameters.getString(RunParameters.FULL, "false"));
      RunWindow window = ledger.begin(RunContext.runId(step), runDate, full, run.windowDays());
      Long changed = window.watermarkFrom() == null
          ? jdbc.queryForObject("select count(*) from escalation where changed_at <= ?", Long.class,
              Timestamp.from(window.watermarkTo()))
          : jdbc.queryForObject("select count(*) from escalation where changed_at > ? and changed_at <= ?",
              Long.class, Timestamp.from(window.watermarkFrom()), Timestamp.from(window.watermarkTo()));
      ledger.count(window.runId(), "changed", changed == null ? 0 : changed);
      contribution.incrementWriteCount(changed == null ? 0 : changed);
      return RepeatStatus.FINISHED;
    }, tx).listener((StepExecutionListener) new StepProgress(progress, runId -> -1)).build();
  }

  @Bean
  @StepScope
  JdbcPagingItemReader<PendingNarrative> pendingNarratives(DataSource dataSource, RunLedger ledger,
      RunProperties run, @Value("#{stepExecution}") StepExecution step) throws Exception {
    RunWindow window = ledger.find(RunContext.runId(step)).orElseThrow();
    Map<String, Object> parameters = new HashMap<>();
    parameters.put("to", Timestamp.from(window.watermarkTo()));
    if (window.watermarkFrom() != null) {
      parameters.put("from", Timestamp.from(window.watermarkFrom()));
    }
    return new JdbcPagingItemReaderBuilder<PendingNarrative>()
        .name("pendingNarratives").dataSource(dataSource).pageSize(run.chunkSize())
        .selectClause(AnalysisStore.PENDING_SELECT).fromClause(AnalysisStore.PENDING_FROM)
        .whereClause(AnalysisStore.pendingWhere(window)).parameterValues(parameters)
        .sortKeys(Map.of(AnalysisStore.PENDING_SORT_KEY, Order.ASCENDING)).rowMapper(AnalysisStore::mapPending)
        .build();
  }

  /**
   * A fixed pool, not a thread per task: each worker keeps its analyzer (OpenNLP instances and the
   * warm lemma cache) for the whole step.
   */
  @Bean
  ThreadPoolTaskExecutor analysisExecutor(RunProperties run) {
    ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
    executor.setCorePoolSize(run.analysisThreads());
    executor.setMaxPoolSize(run.analysisThreads());
    executor.setThreadNamePrefix("analyze-");
    return executor;
  }

  @Bean
  Step analyzeStep(JobRepository repository, PlatformTransactionManager tx, RunProperties run,
                   JdbcPagingItemReader<PendingNarrative> pendingNarratives, ObjectProvider<NlpModels> models,
                   AnalysisStore analyses, RunLedger ledger, ThreadPoolTaskExecutor analysisExecutor,
                   RunProgress progress) {
    StepProgress shown = new StepProgress(progress, runId -> analyses.pendingCount(ledger.find(runId).orElseThrow()));
    // OpenNLP ME classes are not thread-safe: each processing thread gets its own analyzer. The
    // models load on first use, so commands that never analyse do not pay for them.
    ThreadLocal<NarrativeAnalyzer> analyzers =
        ThreadLocal.withInitial(() -> new NarrativeAnalyzer(models.getObject()));
    return new StepBuilder("analyzeStep", repository)
        .<PendingNarrative, AnalyzedNarrative>chunk(run.chunkSize()).transactionManager(tx)
        .reader(pendingNarratives)
        .processor(p -> new AnalyzedNarrative(p.escalationId(), p.changedAt(),
            analyzers.get().analyze(p.narrative(), p.declaredLanguage())))
        .writer(chunk -> analyses.save(RunContext.runId(org.springframework.batch.core.scope.context
            .StepSynchronizationManager.getContext().getStepExecution()), List.copyOf(chunk.getItems())))
        .taskExecutor(analysisExecutor)
        .listener(new CountingListener(ledger, "analyzed", analyses::analyzedIn))
        .listener((StepExecutionListener) shown).listener((ItemWriteListener<Object>) shown)
        .build();
  }

  @Bean
  @StepScope
  JdbcPagingItemReader<PendingEmbedding> pendingEmbeddings(DataSource dataSource, RunLedger ledger,
      RunProperties run, EmbedProperties embed, @Value("#{stepExecution}") StepExecution step) throws Exception {
    RunWindow window = ledger.find(RunContext.runId(step)).orElseThrow();
    return new JdbcPagingItemReaderBuilder<PendingEmbedding>()
        .name("pendingEmbeddings").dataSource(dataSource).pageSize(run.chunkSize())
        .selectClause(EmbeddingStore.PENDING_SELECT).fromClause(EmbeddingStore.PENDING_FROM)
        .whereClause(EmbeddingStore.pendingWhere())
        .parameterValues(EmbeddingStore.pendingParameters(window, embed, embed.modelIdentity()))
        .sortKeys(Map.of(EmbeddingStore.PENDING_SORT_KEY, Order.ASCENDING)).rowMapper(EmbeddingStore::mapPending)
        .build();
  }

  /** Like the analysis pool: fixed workers sharing one encoder (its ONNX session is thread-safe). */
  @Bean
  ThreadPoolTaskExecutor embeddingExecutor(EmbedProperties embed) {
    ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
    executor.setCorePoolSize(embed.threads());
    executor.setMaxPoolSize(embed.threads());
    executor.setThreadNamePrefix("embed-");
    return executor;
  }

  @Bean
  Step embedStep(JobRepository repository, PlatformTransactionManager tx, RunProperties run,
                 JdbcPagingItemReader<PendingEmbedding> pendingEmbeddings, ObjectProvider<SentenceEncoder> encoder,
                 EmbeddingStore embeddings, RunLedger ledger, ThreadPoolTaskExecutor embeddingExecutor,
                 EmbedProperties embed, RunProgress progress) {
    String model = embed.modelIdentity();
    StepProgress shown = new StepProgress(progress,
        runId -> embeddings.pendingCount(ledger.find(runId).orElseThrow(), embed, model));
    return new StepBuilder("embedStep", repository)
        .<PendingEmbedding, NarrativeEmbedding>chunk(run.chunkSize()).transactionManager(tx)
        .reader(pendingEmbeddings)
        .processor(p -> new NarrativeEmbedding(p.escalationId(), p.changedAt(), encoder.getObject().embed(p.narrative())))
        .writer(chunk -> embeddings.save(RunContext.runId(org.springframework.batch.core.scope.context
            .StepSynchronizationManager.getContext().getStepExecution()), model, List.copyOf(chunk.getItems())))
        .taskExecutor(embeddingExecutor)
        .listener(new CountingListener(ledger, "embedded", embeddings::embeddedIn))
        .listener((StepExecutionListener) shown).listener((ItemWriteListener<Object>) shown)
        .build();
  }

  @Bean
  @StepScope
  JdbcPagingItemReader<IndexedEscalation> analyzedEscalations(DataSource dataSource, RunProperties run,
      @Value("#{stepExecution}") StepExecution step) throws Exception {
    return new JdbcPagingItemReaderBuilder<IndexedEscalation>()
        .name("analyzedEscalations").dataSource(dataSource).pageSize(run.indexChunkSize())
        .selectClause("select e.id, e.external_id, e.created_at, e.narrative, a.detected_language,"
            + " e.policy, e.vendor, e.market, e.language, e.channel, e.priority, e.action, e.outcome")
        .fromClause("from escalation e join narrative_analysis a on a.escalation_id = e.id")
        .whereClause("a.run_id = :run").parameterValues(Map.of("run", RunContext.runId(step)))
        .sortKeys(Map.of("id", Order.ASCENDING))
        .rowMapper((rs, i) -> IndexedEscalation.fromRow(rs))
        .build();
  }

  @Bean
  Step indexStep(JobRepository repository, PlatformTransactionManager tx, RunProperties run,
                 JdbcPagingItemReader<IndexedEscalation> analyzedEscalations, StorageProperties storage,
                 AnalysisStore analyses, RunLedger ledger, RunProgress progress) {
    IndexStepWriter writer = new IndexStepWriter(storage.indexDir());
    StepProgress shown = new StepProgress(progress, analyses::analyzedIn);
    return new StepBuilder("indexStep", repository)
        .<IndexedEscalation, IndexedEscalation>chunk(run.indexChunkSize()).transactionManager(tx)
        .reader(analyzedEscalations).writer(writer).listener(writer)
        // Every escalation analysed in this run is indexed by this step, by construction.
        .listener(new CountingListener(ledger, "indexed", analyses::analyzedIn))
        .listener((StepExecutionListener) shown).listener((ItemWriteListener<Object>) shown)
        .build();
  }

  @Bean
  Step clusterStep(JobRepository repository, PlatformTransactionManager tx, RunLedger ledger,
                   AnalysisStore analyses, ClusterStore clusters, ClusterProperties properties,
                   StorageProperties storage, EmbeddingStore embeddings, EmbedProperties embed, RunProgress progress) {
    return new StepBuilder("clusterStep", repository).tasklet((contribution, chunk) -> {
      RunWindow window = ledger.find(RunContext.runId(contribution.getStepExecution())).orElseThrow();
      // Narratives with a current embedding are clustered by it, the others by their terms.
      Map<Long, float[]> vectors = embeddings.windowVectors(window, embed, embed.modelIdentity());
      var documents = analyses.windowDocuments(window).stream()
          .map(d -> vectors.containsKey(d.escalationId()) ? d.withEmbedding(vectors.get(d.escalationId())) : d).toList();
      // Last night's clusters: tonight's lean on them (stable problems) and inherit their ids.
      Optional<Long> previousRun = ledger.previousCompletedRun(window.runId());
      List<ClusterIdentity.PreviousCluster> previous = previousRun.map(clusters::clustersOf).orElse(List.of());
      PreviousAssignments before = previousRun.map(clusters::assignmentsOf).orElse(PreviousAssignments.NONE);
      Clustering found;
      try (TermStatistics statistics = IndexTermStatistics.open(storage.indexDir())) {
        found = new NarrativeClusterer(properties).cluster(documents, statistics, before);
      }
      Clustering clustering = found.identified(new ClusterIdentity(properties.identityThreshold())
          .match(found.clusters(), found.clusters().stream().map(Cluster::signature).toList(),
              previous, Overlap.of(found, previous, before), clusters.highestIssuedId()));
      clusters.save(window.runId(), clustering);
      // Analysts filter searches by cluster: the index shows the latest run's clusters, so tag
      // tonight's window and clear the tags of last run's documents that left the window.
      Map<String, Integer> numbers = new HashMap<>();
      clusters.assignments(window.runId(), (id, cluster) -> numbers.put(id, ClusterIdentity.number(cluster)));
      ledger.lastFinishedRun(window.runId()).ifPresent(last ->
          clusters.assignments(last, (id, cluster) -> numbers.putIfAbsent(id, 0)));
      try (EscalationIndex index = EscalationIndex.open(storage.indexDir())) {
        if (!index.tagClusters(numbers)) {
          // Search tags must not cost the night its report: say how to fix the index, go on.
          log.warn("The search index in {} has no cluster field (empty, or built before cluster tags);"
              + " searches by --cluster will find nothing until `reindex` is run", storage.indexDir());
        }
      }
      ledger.count(window.runId(), "window_size", documents.size());
      ledger.count(window.runId(), "cluster_count", clustering.clusters().size());
      contribution.incrementWriteCount(documents.size());
      return RepeatStatus.FINISHED;
    }, tx).listener((StepExecutionListener) new StepProgress(progress, runId -> -1)).build();
  }

  @Bean
  Step correlateStep(JobRepository repository, PlatformTransactionManager tx, RunLedger ledger,
                     FindingStore findings, CorrelateProperties properties, Taxonomy taxonomy,
                     AnalysisStore analyses, StorageProperties storage, RunProgress progress,
                     com.escalationrca.track.CauseTracker tracker) {
    return new StepBuilder("correlateStep", repository).tasklet((contribution, chunk) -> {
      long runId = RunContext.runId(contribution.getStepExecution());
      RunWindow window = ledger.find(runId).orElseThrow();
      var observations = findings.observations(runId);
      Correlation correlation = new Correlator(properties, taxonomy)
          .correlate(observations, findings.clusterLabels(runId), window.windowStart(), window.windowEnd());
      // Each cause is described by the words of its own narratives, weighed by the index's statistics.
      try (TermStatistics statistics = IndexTermStatistics.open(storage.indexDir())) {
        correlation = correlation.withCauseTerms(cause -> DistinctiveTerms.of(
            analyses.documents(cause.memberIds().stream().limit(CAUSE_TERM_SAMPLE).toList()), statistics, CAUSE_TERMS));
      }
      findings.save(runId, correlation);
      // Tonight's causes join the ones followed across nights (and a resolved one that fires again regresses).
      tracker.track(runId, window.runDate());
      ledger.count(runId, "finding_count", correlation.findings().size());
      contribution.incrementWriteCount(correlation.findings().size());
      return RepeatStatus.FINISHED;
    }, tx).listener((StepExecutionListener) new StepProgress(progress, runId -> -1)).build();
  }

  @Bean
  Step publishStep(JobRepository repository, PlatformTransactionManager tx, RunLedger ledger,
                   ReportPublisher publisher, RunProgress progress) {
    return new StepBuilder("publishStep", repository).tasklet((contribution, chunk) -> {
      long runId = RunContext.runId(contribution.getStepExecution());
      // The run completes (and its watermark counts) only once the report is in place.
      ledger.complete(runId);
      var path = publisher.publish(runId);
      contribution.getStepExecution().getJobExecution().getExecutionContext()
          .putString(RunParameters.REPORT_PATH, path.toString());
      return RepeatStatus.FINISHED;
    }, tx).listener((StepExecutionListener) new StepProgress(progress, runId -> -1)).build();
  }

  /**
   * Publishes the completed run to JIRA, the chat webhook and e-mail (those configured), then
   * writes the report again with how that went. A failed delivery is recorded and retried on the
   * next run; it never fails the night. No transaction: each delivery records itself.
   */
  @Bean
  Step deliverStep(JobRepository repository, PlatformTransactionManager tx, com.escalationrca.connect.Deliveries deliveries,
                   ReportPublisher publisher, RunProgress progress) {
    return new StepBuilder("deliverStep", repository).tasklet((contribution, chunk) -> {
      long runId = RunContext.runId(contribution.getStepExecution());
      var delivered = deliveries.deliver(runId);
      if (!delivered.isEmpty()) {
        publisher.publish(runId);
      }
      contribution.incrementWriteCount(delivered.stream().filter(d -> d.status().equals("sent")).count());
      return RepeatStatus.FINISHED;
    }, tx).listener((StepExecutionListener) new StepProgress(progress, runId -> -1)).build();
  }

  /** Purges what is older than rca.retention keeps; after publishing, so a purge never costs a report. */
  @Bean
  Step retainStep(JobRepository repository, PlatformTransactionManager tx, RunLedger ledger, Retention retention,
                  RunProgress progress) {
    return new StepBuilder("retainStep", repository).tasklet((contribution, chunk) -> {
      long runId = RunContext.runId(contribution.getStepExecution());
      boolean confirmed = Boolean.parseBoolean(contribution.getStepExecution().getJobParameters()
          .getString(RunParameters.CONFIRM_PURGE, "false"));
      Retention.Purged purged = retention.purge(ledger.find(runId).orElseThrow().runDate(), runId, confirmed);
      contribution.incrementWriteCount(purged.runs() + purged.analyses() + purged.escalations());
      if (retention.enabled()) {
        contribution.getStepExecution().getExecutionContext().putString(RunParameters.RETENTION, purged.summary());
      }
      return RepeatStatus.FINISHED;
    }, tx).listener((StepExecutionListener) new StepProgress(progress, runId -> -1)).build();
  }
}
