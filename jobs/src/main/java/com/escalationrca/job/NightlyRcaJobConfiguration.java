package com.escalationrca.job;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import javax.sql.DataSource;

import com.escalationrca.cluster.night.ClusterRun;
import com.escalationrca.correlate.CorrelateRun;
import com.escalationrca.embed.EmbedProperties;
import com.escalationrca.embed.EmbeddingStore;
import com.escalationrca.embed.NarrativeEmbedder;
import com.escalationrca.embed.PendingEmbedding;
import com.escalationrca.index.IndexedEscalation;
import com.escalationrca.ingest.DimensionBackfill;
import com.escalationrca.nlp.AnalysisStore;
import com.escalationrca.nlp.AnalyzedNarrative;
import com.escalationrca.nlp.NarrativeAnalyzer;
import com.escalationrca.nlp.PendingNarrative;
import com.escalationrca.nlpmodels.NlpModels;
import com.escalationrca.nlpmodels.SentenceEncoder;
import com.escalationrca.publish.Deliveries;
import com.escalationrca.report.ReportPublisher;
import com.escalationrca.retain.Retention;
import com.escalationrca.run.RunLedger;
import com.escalationrca.run.RunOpening;
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
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemReader;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.batch.infrastructure.item.database.Order;
import org.springframework.batch.infrastructure.item.database.builder.JdbcPagingItemReaderBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The nightly job {@code nightlyRca}: open → analyze → embed → index → cluster → correlate → publish
 * → deliver → retain. Wiring only: each step's work is a service of its feature package.
 * One job instance per run date (plus a rerun attempt number). The chunk steps keep their reader
 * position in the job repository and the tasklets replace their run's rows, so a failed night
 * restarts from the step that failed and completed steps are not repeated.
 */
@Configuration(proxyBeanMethods = false)
class NightlyRcaJobConfiguration {

  static final String JOB_NAME = "nightlyRca";

  @Bean
  Job nightlyRca(JobRepository repository, Step openStep, Step analyzeStep, Step embedStep, Step indexStep,
                 Step clusterStep, Step correlateStep, Step publishStep, Step deliverStep, Step retainStep) {
    return new JobBuilder(JOB_NAME, repository)
        .start(openStep).next(analyzeStep).next(embedStep).next(indexStep).next(clusterStep)
        .next(correlateStep).next(publishStep).next(deliverStep).next(retainStep)
        .build();
  }

  /** A progress bar per step on a terminal, a log line every so often elsewhere. */
  @Bean
  RunProgress runProgress(RunProperties run) {
    return RunProgress.forThisProcess(java.time.Duration.ofSeconds(run.progressSeconds()));
  }

  /** Opens the run (watermark and window) and counts what changed; the data is pulled before the job. */
  @Bean
  Step openStep(JobRepository repository, PlatformTransactionManager tx, RunOpening opening, RunProgress progress,
                DimensionBackfill backfill) {
    return tasklet("openStep", repository, tx, progress, (contribution, runId) -> {
      // Dimensions declared since the last night, over columns already imported.
      backfill.run();
      var parameters = contribution.getStepExecution().getJobExecution().getJobParameters();
      LocalDate runDate = parameters.getLocalDate(RunParameters.RUN_DATE);
      boolean full = Boolean.parseBoolean(parameters.getString(RunParameters.FULL, "false"));
      contribution.incrementWriteCount(opening.open(runId, runDate, full));
    });
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
    // OpenNLP ME classes are not thread-safe: each processing thread gets its own analyzer. The
    // models load on first use, so commands that never analyse do not pay for them.
    ThreadLocal<NarrativeAnalyzer> analyzers =
        ThreadLocal.withInitial(() -> new NarrativeAnalyzer(models.getObject()));
    return parallelChunkStep("analyzeStep", repository, tx, run, pendingNarratives,
        p -> new AnalyzedNarrative(p.escalationId(), p.changedAt(), analyzers.get().analyze(p.narrative(), p.declaredLanguage())),
        analyses::save, analysisExecutor, new CountingListener(ledger, "analyzed", analyses::analyzedIn),
        new StepProgress(progress, runId -> analyses.pendingCount(ledger.find(runId).orElseThrow())));
  }

  /**
   * The shape of the analyze and embed steps: chunks read from the database in order, processed by
   * a fixed pool, written with the run's id, counted in the ledger and shown as progress.
   */
  private static <I, O> Step parallelChunkStep(String name, JobRepository repository, PlatformTransactionManager tx,
      RunProperties run, ItemReader<I> reader, ItemProcessor<I, O> processor, BiConsumer<Long, List<O>> save,
      ThreadPoolTaskExecutor executor, CountingListener counted, StepProgress shown) {
    return new StepBuilder(name, repository)
        .<I, O>chunk(run.chunkSize()).transactionManager(tx)
        .reader(reader).processor(processor)
        .writer(chunk -> save.accept(RunContext.runId(StepSynchronizationManager.getContext().getStepExecution()),
            List.copyOf(chunk.getItems())))
        .taskExecutor(executor)
        .listener(counted)
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
        .selectClause(EmbeddingStore.PENDING_SELECT).fromClause(EmbeddingStore.PENDING_READ_FROM)
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
    return parallelChunkStep("embedStep", repository, tx, run, pendingEmbeddings,
        new NarrativeEmbedder(encoder::getObject),
        (runId, items) -> embeddings.save(runId, model, items), embeddingExecutor,
        new CountingListener(ledger, "embedded", embeddings::embeddedIn),
        new StepProgress(progress, runId -> embeddings.pendingCount(ledger.find(runId).orElseThrow(), embed, model)));
  }

  @Bean
  @StepScope
  JdbcPagingItemReader<IndexedEscalation> analyzedEscalations(DataSource dataSource, RunProperties run,
      @Value("#{stepExecution}") StepExecution step) throws Exception {
    return new JdbcPagingItemReaderBuilder<IndexedEscalation>()
        .name("analyzedEscalations").dataSource(dataSource).pageSize(run.indexChunkSize())
        .selectClause(IndexedEscalation.ANALYZED_SELECT).fromClause(IndexedEscalation.ANALYZED_FROM)
        .whereClause(IndexedEscalation.ANALYZED_WHERE).parameterValues(Map.of("run", RunContext.runId(step)))
        .sortKeys(Map.of(IndexedEscalation.SORT_KEY, Order.ASCENDING))
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
  Step clusterStep(JobRepository repository, PlatformTransactionManager tx, ClusterRun clusters, RunProgress progress) {
    return tasklet("clusterStep", repository, tx, progress,
        (contribution, runId) -> contribution.incrementWriteCount(clusters.run(runId).assignments().size()));
  }

  @Bean
  Step correlateStep(JobRepository repository, PlatformTransactionManager tx, CorrelateRun correlations,
                     RunProgress progress) {
    return tasklet("correlateStep", repository, tx, progress,
        (contribution, runId) -> contribution.incrementWriteCount(correlations.run(runId).findings().size()));
  }

  @Bean
  Step publishStep(JobRepository repository, PlatformTransactionManager tx, RunLedger ledger,
                   ReportPublisher publisher, RunProgress progress) {
    return tasklet("publishStep", repository, tx, progress, (contribution, runId) -> {
      // The run completes (and its watermark counts) only once the report is in place.
      ledger.complete(runId);
      var path = publisher.publish(runId);
      contribution.getStepExecution().getJobExecution().getExecutionContext()
          .putString(RunParameters.REPORT_PATH, path.toString());
    });
  }

  /**
   * Publishes the completed run to JIRA, the chat webhook and e-mail (those configured), then
   * writes the report again with how that went. A failed delivery is recorded and retried on the
   * next run; it never fails the night. No transaction: each delivery records itself.
   */
  @Bean
  Step deliverStep(JobRepository repository, PlatformTransactionManager tx, Deliveries deliveries,
                   ReportPublisher publisher, RunProgress progress) {
    return tasklet("deliverStep", repository, tx, progress, (contribution, runId) -> {
      var delivered = deliveries.deliver(runId);
      if (!delivered.isEmpty()) {
        publisher.publish(runId);
      }
      contribution.incrementWriteCount(delivered.stream().filter(d -> d.status().equals("sent")).count());
    });
  }

  /** Purges what is older than rca.retention keeps; after publishing, so a purge never costs a report. */
  @Bean
  Step retainStep(JobRepository repository, PlatformTransactionManager tx, RunLedger ledger, Retention retention,
                  RunProgress progress) {
    return tasklet("retainStep", repository, tx, progress, (contribution, runId) -> {
      boolean confirmed = Boolean.parseBoolean(contribution.getStepExecution().getJobParameters()
          .getString(RunParameters.CONFIRM_PURGE, "false"));
      Retention.Purged purged = retention.purge(ledger.find(runId).orElseThrow().runDate(), runId, confirmed);
      contribution.incrementWriteCount(purged.runs() + purged.analyses() + purged.escalations());
      if (retention.enabled()) {
        contribution.getStepExecution().getExecutionContext().putString(RunParameters.RETENTION, purged.summary());
      }
    });
  }

  /** A step that does its work once, for the run of the job execution, shown as progress without a count. */
  private static Step tasklet(String name, JobRepository repository, PlatformTransactionManager tx, RunProgress progress,
                              BiConsumer<StepContribution, Long> work) {
    return new StepBuilder(name, repository).tasklet((contribution, chunk) -> {
      work.accept(contribution, RunContext.runId(contribution.getStepExecution()));
      return RepeatStatus.FINISHED;
    }, tx).listener((StepExecutionListener) new StepProgress(progress, runId -> -1)).build();
  }
}
