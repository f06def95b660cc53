package com.escalationrca.bench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import com.escalationrca.bench.SearchBenchmark;
import com.escalationrca.cli.ApplicationContexts;
import com.escalationrca.cli.StorageOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The benchmark jar's entry point (escalation-rca-bench.jar): evaluation kept out of the product jar,
 * run with the product's own classes and config/ from the working folder.
 */
@Command(name = "escalation-rca-bench", mixinStandardHelpOptions = true,
    description = "Benchmarks that print their figures (run from the project root: they read config/).",
    subcommands = {BenchCommand.Search.class, BenchCommand.Clustering.class, BenchCommand.Rca.class,
        BenchCommand.Audit.class, BenchCommand.Nights.class, BenchCommand.Web.class, BenchCommand.Explain.class,
        BenchCommand.Embed.class, BenchCommand.Analyze.class,
        CommandLine.HelpCommand.class})
public final class BenchCommand {

  public static void main(String[] args) {
    System.exit(new CommandLine(new BenchCommand()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
  }


  @Command(name = "search", mixinStandardHelpOptions = true,
      description = {"Indexes generated escalations through our schema and through plain Lucene (the baseline,",
          "same documents, same run), then prints p50/p95/p99 latency of term, phrase, boolean-with-facets",
          "and more-like-this queries, and the index size; then term and boolean-with-facets queries on the",
          "server's bounds (rca.search), alone and beside two threads of regex, prefix, fuzzy and range searches."})
  static final class Search implements Callable<Integer> {

    @Option(names = "--escalations", defaultValue = "1000000", description = "Documents to index (default: ${DEFAULT-VALUE}).")
    int escalations;

    @Option(names = "--queries", defaultValue = "500", description = "Queries per type (default: ${DEFAULT-VALUE}).")
    int queries;

    @Mixin
    BenchOptions.Seed seed;

    @Mixin
    BenchOptions.WorkDir workDir;

    @Override
    public Integer call() throws Exception {
      return workDir.use("rca-bench-search-", dir -> {
        int chunk = ConfigFile.runProperties().indexChunkSize();
        SearchBenchmark.Result r = new SearchBenchmark().run(escalations, queries, dir, seed.value, chunk);
        System.out.printf("documents             %,d%n", r.documents());
        System.out.printf("indexing, ours        %,.0f docs/s (per-language fields, 9 facets, doc values, update by id,"
            + " a commit per %,d as the index step)%n", r.oursPerSecond(), chunk);
        System.out.printf("indexing, raw Lucene  %,.0f docs/s (one text field, add only) — ours is %.2fx%n",
            r.rawPerSecond(), r.indexingRatio());
        System.out.printf("index size            %,.1f MB%n", r.indexBytes() / 1e6);
        System.out.printf("%-20s %6s %9s %9s %9s %9s%n", "query", "runs", "p50 ms", "p95 ms", "p99 ms", "mean ms");
        for (SearchBenchmark.Latency l : r.latencies()) {
          System.out.printf("%-20s %6d %9.2f %9.2f %9.2f %9.2f%n", l.query(), l.runs(), l.p50(), l.p95(), l.p99(), l.mean());
        }
        System.out.println("on the server's bounds (rca.search defaults), alone and beside abusive searches:");
        for (SearchBenchmark.Latency l : r.bounded()) {
          System.out.printf("%-34s %6d %9.2f %9.2f %9.2f %9.2f%n", l.query(), l.runs(), l.p50(), l.p95(), l.p99(), l.mean());
        }
        SearchBenchmark.Abuse a = r.abuse();
        System.out.printf("abusive searches      %d threads looping over %s: %,d run, %,d stopped at the budget, longest %.0f ms%n",
            a.threads(), a.queries(), a.searches(), a.stopped(), a.longestMillis());
        return 0;
      });
    }
  }

  @Command(name = "embed", mixinStandardHelpOptions = true,
      description = {"Embeds the chunks of real English narratives (the CFPB export) with LangChain4j's plain embedAll",
          "(its own session and pool, every core), with the embed step's encoder on the step's threads, and with a",
          "bare ONNX Runtime session over length-sorted padded batches (every core: the practical limit); prints",
          "chunks/s and chunks/s per core of each, same chunks, same run; then the step's processor on the",
          "narratives as they come (identical pastes take the vector already made)."})
  static final class Embed implements Callable<Integer> {

    @Option(names = "--cfpb", paramLabel = "FILE", required = true,
        description = "A CFPB complaint CSV export (e.g. ../shared/data/cfpb-sample.csv).")
    Path cfpb;

    @Option(names = "--rounds", defaultValue = "3", description = "Times each chunk is embedded by each contender (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--threads", defaultValue = "2", description = "The step's threads (rca.embed.threads; default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--batch", defaultValue = "32", description = "Batch size of the bare session (default: ${DEFAULT-VALUE}).")
    int batch;

    @Override
    public Integer call() throws Exception {
      List<String> narratives = com.escalationrca.bench.CfpbComplaint.read(cfpb).stream()
          .map(com.escalationrca.bench.CfpbComplaint::narrative).toList();
      var r = new com.escalationrca.bench.EmbedBenchmark().run(narratives, rounds, threads, batch);
      int cores = Runtime.getRuntime().availableProcessors();
      System.out.printf("narratives %,d (%,d distinct, whitespace aside), %,d chunks embedded per contender, %d cores%n",
          r.narratives(), r.distinctNarratives(), r.chunks(), cores);
      System.out.printf("%-52s %6s %10s %14s %9s%n", "contender", "cores", "chunks/s", "chunks/s/core", "vs plain");
      double plain = r.contenders().get(0).perCore();
      for (var c : r.contenders()) {
        System.out.printf("%-52s %6d %,10.1f %,14.1f %8.2fx%n", c.name(), c.cores(), c.chunksPerSecond(), c.perCore(),
            c.perCore() / plain);
      }
      var step = r.contenders().get(1);
      var bare = r.contenders().get(2);
      System.out.printf("embed step per core against the bare batched session: %.2fx (its vectors: cosine to the step's"
          + " %.4f on average, %.4f at worst)%n", step.perCore() / bare.perCore(), r.batchedCosineMean(), r.batchedCosineMin());
      System.out.printf("embed step processor on the narratives: %,.1f narratives/s, the model ran for %,d of %,d%n",
          r.stepNarrativesPerSecond(), r.modelRuns(), r.narratives());
      return 0;
    }
  }

  @Command(name = "analyze", mixinStandardHelpOptions = true,
      description = {"The analyze step's pieces against OpenNLP's own classes on the same narratives, one run: language",
          "scores against LanguageDetectorME, the English pipeline against the four English models called one by one",
          "(nothing remembered), then the step's analyzer end to end on one thread; each warmed up on other",
          "narratives, then one pass over the measured ones with empty memos, as a night. Prints items/s, ratios,",
          "and how many results are the library's own. Corpora: generated escalations, and the files given."})
  static final class Analyze implements Callable<Integer> {

    @Option(names = "--escalations", defaultValue = "40000",
        description = "Generated narratives to measure (default: ${DEFAULT-VALUE}; 0 for none).")
    int escalations;

    @Option(names = "--cfpb", paramLabel = "FILE", description = "A CFPB complaint CSV export (English).")
    Path cfpb;

    @Option(names = "--reclameaqui", paramLabel = "FILE", description = "The ReclameAqui development set (Portuguese).")
    Path reclameAqui;

    @Mixin
    BenchOptions.Seed seed;

    @Mixin
    BenchOptions.WorkDir workDir;

    @Override
    public Integer call() throws Exception {
      return workDir.use("rca-bench-analyze-", dir -> {
        // Generated narratives the measured ones never include, to warm the JIT up on.
        List<String> generated = List.copyOf(new com.escalationrca.bench.BenchmarkCorpora(dir)
            .generated(escalations + 10_000, seed.value).narratives().values());
        List<String> warmUp = generated.subList(escalations, generated.size());
        var benchmark = new com.escalationrca.bench.AnalyzeBenchmark();
        List<com.escalationrca.bench.AnalyzeBenchmark.Result> results = new java.util.ArrayList<>();
        if (escalations > 0) {
          results.add(benchmark.run("generated", generated.subList(0, escalations), warmUp));
        }
        if (cfpb != null) {
          results.add(benchmark.run("CFPB", com.escalationrca.bench.CfpbComplaint.read(cfpb).stream()
              .map(com.escalationrca.bench.CfpbComplaint::narrative).toList(), warmUp));
        }
        if (reclameAqui != null) {
          results.add(benchmark.run("ReclameAqui", com.escalationrca.bench.CfpbComplaint.readReclameAqui(reclameAqui)
              .stream().map(com.escalationrca.bench.CfpbComplaint::narrative).toList(), warmUp));
        }
        for (var r : results) {
          System.out.printf("%s: %,d narratives, %,d of them English%n", r.corpus(), r.narratives(), r.english());
          System.out.printf("  language  %-38s %,10.0f /s%n", r.libraryLanguage().name(), r.libraryLanguage().perSecond());
          System.out.printf("  language  %-38s %,10.0f /s  %.2fx; same top language for %,d of %,d%n",
              r.stepLanguage().name(), r.stepLanguage().perSecond(),
              r.stepLanguage().perSecond() / r.libraryLanguage().perSecond(), r.sameLanguage(), r.narratives());
          if (r.english() > 0) {
            System.out.printf("  English   %-38s %,10.1f /s%n", r.libraryEnglish().name(), r.libraryEnglish().perSecond());
            System.out.printf("  English   %-38s %,10.1f /s  %.2fx; same tokens and tags for %,d of %,d%n",
                r.stepEnglish().name(), r.stepEnglish().perSecond(),
                r.stepEnglish().perSecond() / r.libraryEnglish().perSecond(), r.sameTags(), r.english());
          }
          System.out.printf("  analyzer  %-38s %,10.1f narratives/s%n", r.analyzer().name(), r.analyzer().perSecond());
        }
        return 0;
      });
    }
  }

  @Command(name = "web", mixinStandardHelpOptions = true,
      description = {"Starts `serve` on a data folder that has a completed run and an index (e.g. the 1M one), signs in",
          "N concurrent clients with a temporary analyst account (removed after), and prints p50/p95/p99 of the",
          "search API and the morning-read page, against the same searches in-process (the baseline); then",
          "/api/explain for the last week against the 28 days before, with no filter and with one, by one client,",
          "against the same days' single-value SQL GROUP BYs."})
  static final class Web implements Callable<Integer> {

    @Option(names = "--clients", defaultValue = "8", description = "Concurrent signed-in clients (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--requests", defaultValue = "2000", description = "Requests per kind (default: ${DEFAULT-VALUE}).")
    int requests;

    @Option(names = "--warmup", defaultValue = "300", description = "Requests per kind before measuring (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--explain-requests", defaultValue = "20",
        description = "/api/explain questions of each kind, one client, after 3 of warm-up (default: ${DEFAULT-VALUE}; 0: none).")
    int explainRequests;

    @Option(names = "--explain-only", description = "Only the /api/explain part (a data folder with escalations, no night needed).")
    boolean explainOnly;

    @picocli.CommandLine.Mixin
    StorageOptions storage;

    @Override
    public Integer call() throws Exception {
      String user = "bench-" + java.util.UUID.randomUUID().toString().substring(0, 8);
      String password = java.util.UUID.randomUUID().toString();
      try (var context = ApplicationContexts.serve(storage, "127.0.0.1", 0)) {
        var accounts = context.getBean(com.escalationrca.web.security.Accounts.class);
        accounts.add(user, com.escalationrca.web.security.Role.ANALYST, password);
        try {
          int port = ((org.springframework.boot.web.server.context.WebServerApplicationContext) context).getWebServer().getPort();
          java.util.List<com.escalationrca.bench.WebBenchmark.Latency> all = new java.util.ArrayList<>();
          if (!explainOnly) {
            var r = new com.escalationrca.bench.WebBenchmark().run(port, user, password,
                context.getBean(com.escalationrca.index.LiveSearcher.class), clients, requests, warmup);
            System.out.printf("indexed escalations   %,d%n", r.indexed());
            System.out.printf("clients               %d signed-in sessions%n", r.clients());
            all.addAll(r.latencies());
          }
          if (explainRequests > 0) {
            var jdbc = context.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
            java.time.LocalDate last = jdbc.queryForObject(
                "select (max(created_at) at time zone 'UTC')::date from escalation", java.time.LocalDate.class);
            all.addAll(new com.escalationrca.bench.WebBenchmark().explain(port, user, password, jdbc, last,
                explainRequests, 3));
          }
          System.out.printf("%-32s %8s %9s %9s %9s %9s%n", "request", "runs", "p50 ms", "p95 ms", "p99 ms", "req/s");
          for (var l : all) {
            System.out.printf("%-32s %8d %9.2f %9.2f %9.2f %9.1f%n", l.name(), l.requests(), l.p50(), l.p95(), l.p99(),
                l.perSecond());
          }
          System.out.printf("server heap after: %,d MB used of %,d MB max%n",
              (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20,
              Runtime.getRuntime().maxMemory() >> 20);
        } finally {
          accounts.remove(user);
        }
      }
      return 0;
    }
  }

  @Command(name = "clustering", mixinStandardHelpOptions = true,
      description = {"Runs the nightly job (import, then run --full with a window covering the corpus) on labelled corpora:",
          "generated escalations (gold: planted theme), with --cfpb the CFPB export (gold: Issue, then Product), with",
          "--reclameaqui the Portuguese development set (gold: label_fine); scores its clusters, the same night on terms",
          "alone, a TF-IDF + k-means baseline (k = true number of labels), Carrot2 Lingo and Mallet LDA. Prints NMI,",
          "ARI, purity, wall time, documents/s and peak heap of clustering alone per corpus and method."})
  static final class Clustering implements Callable<Integer> {

    /** Labels of our largest clusters printed per corpus: the labels are read, not only the scores. */
    private static final int LABELS_SHOWN = 12;

    @Option(names = "--escalations", defaultValue = "10000", description = "Generated corpus size (default: ${DEFAULT-VALUE}).")
    int escalations;

    @Option(names = "--cfpb", paramLabel = "FILE", description = "A CFPB complaint CSV export (e.g. ../shared/data/cfpb-sample.csv).")
    Path cfpb;

    @Option(names = "--reclameaqui", paramLabel = "FILE",
        description = "The Portuguese development set (e.g. ../shared/data/reclameaqui-santander.csv; gold: label_fine).")
    Path reclameAqui;

    @Mixin
    BenchOptions.Seed seed;

    @Option(names = "--without-competitors", description = "Only ours and the baseline (skips Carrot2 and Mallet, which take minutes at 100k).")
    boolean fast;

    @Mixin
    BenchOptions.WorkDir workDir;

    @Override
    public Integer call() throws Exception {
      return workDir.use("rca-bench-clustering-", dir -> {
        var corpora = new com.escalationrca.bench.BenchmarkCorpora(Files.createDirectories(dir.resolve("corpora")));
        var benchmark = new com.escalationrca.bench.ClusteringBenchmark(ConfigFile.clusterProperties(),
            new com.escalationrca.bench.NightClustering(dir.resolve("nights")));
        var list = new java.util.ArrayList<com.escalationrca.bench.LabelledCorpus>();
        list.add(corpora.generated(escalations, seed.value));
        if (cfpb != null) {
          list.add(corpora.cfpb(cfpb));
        }
        if (reclameAqui != null) {
          list.add(corpora.reclameAqui(reclameAqui));
        }
        var results = new java.util.ArrayList<com.escalationrca.bench.ClusteringBenchmark.Result>();
        for (var corpus : list) {
          results.add(benchmark.score(corpus, !fast, seed.value, LABELS_SHOWN));
        }
        System.out.printf("%-28s %-44s %7s %5s %6s %6s %7s %8s %10s %9s%n", "corpus", "method", "docs", "k",
            "NMI", "ARI", "purity", "seconds", "docs/s", "heap MB");
        for (var result : results) {
          for (var s : result.scores()) {
            System.out.printf("%-28s %-44s %,7d %5d %6.3f %6.3f %7.3f %8.2f %,10.0f %9.0f%n", s.corpus(), s.method(),
                s.documents(), s.clusters(), s.quality().nmi(), s.quality().ari(), s.quality().purity(), s.seconds(),
                s.documentsPerSecond(), s.peakHeapBytes() / 1e6);
          }
        }
        for (int i = 0; i < list.size(); i++) {
          System.out.println("largest clusters of " + list.get(i).name() + " (" + results.get(i).embedded()
              + " narratives embedded): " + String.join(" · ", results.get(i).largestLabels()));
        }
        return 0;
      });
    }
  }

  @Command(name = "rca", mixinStandardHelpOptions = true,
      description = {"Plants one cause of each size in generated datasets (or, with --cfpb, in real complaints) and runs",
          "the job's analysis, clustering and correlation on each; also null datasets with nothing planted. Prints",
          "recall of planted causes in the morning read's top 5 and top 10 entries and in the top 10 findings, by size",
          "(with the cause's true lift), entries and findings that describe no planted cause (collateral), and false",
          "findings per null run."})
  static final class Rca implements Callable<Integer> {

    @Option(names = "--escalations", defaultValue = "6000", description = "Escalations per generated dataset, 42 days (default: ${DEFAULT-VALUE}).")
    int escalations;

    @Option(names = "--cfpb", paramLabel = "FILE",
        description = {"Plant causes into this CFPB complaint export instead (e.g. ../shared/data/cfpb-sample.csv): complaints",
            "of one issue moved onto one company in the last 6 days, dates spread over 42 days."})
    Path cfpb;

    @Option(names = "--text-only", description = {"With --cfpb: complaints spread at random over five review vendors, the",
        "policy column constant, the cause moved onto one vendor: only the narratives carry it."})
    boolean textOnly;

    @Option(names = "--reclameaqui", paramLabel = "FILE",
        description = {"Plant causes into the Portuguese development set instead (e.g. ../shared/data/reclameaqui-santander.csv),",
            "always text-only: five review vendors at random, the coarse product as policy, complaints of one",
            "label_fine moved onto one vendor in the last 6 days."})
    Path reclameAqui;

    @Option(names = "--runs", defaultValue = "5", description = "Datasets per cause size (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--null-runs", defaultValue = "20", description = "Datasets with nothing planted (default: ${DEFAULT-VALUE}).")
    int nullRuns;

    @Option(names = "--sizes", split = ",", paramLabel = "N,N,…",
        description = "Planted cases per cause (default: 20,50,100,200; with --cfpb 10,20).")
    List<Integer> sizes;

    @Option(names = "--cause-theme", paramLabel = "THEME",
        description = "Plant this theme (default: a random theme per dataset); wrong_policy_applied plants vendor × market × policy causes.")
    String causeTheme;

    @Option(names = "--cause-shape", defaultValue = "step", paramLabel = "step|ramp",
        description = "step: a spike 3–10 days before the end; ramp: a slow trend over the last 21–28 days (default: ${DEFAULT-VALUE}).")
    com.escalationrca.generate.CauseShape causeShape;

    @Override
    public Integer call() {
      var bench = new com.escalationrca.bench.RcaBenchmark(new com.escalationrca.bench.BenchAnalysis(
          com.escalationrca.nlpmodels.NlpModels.load(), ConfigFile.embedProperties()),
          ConfigFile.clusterProperties(), ConfigFile.correlateProperties(), ConfigFile.taxonomy());
      if (textOnly && cfpb == null) {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--text-only needs --cfpb FILE");
      }
      if (cfpb != null && reclameAqui != null) {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--cfpb and --reclameaqui: one at a time");
      }
      var complaints = cfpb != null ? bench.cfpb(com.escalationrca.bench.CfpbComplaint.read(cfpb), textOnly)
          : reclameAqui != null ? bench.reclameAqui(com.escalationrca.bench.CfpbComplaint.readReclameAqui(reclameAqui))
          : null;
      List<Integer> planted = sizes != null ? sizes : complaints != null ? List.of(10, 20) : List.of(20, 50, 100, 200);
      java.util.function.BiFunction<Integer, Long, com.escalationrca.bench.RcaBenchmark.Outcome> dataset = (cases, seed) ->
          complaints != null ? bench.runCfpb(complaints, cases, seed) : bench.run(escalations, cases, seed, causeTheme, causeShape);
      long started = System.nanoTime();
      System.out.printf("%-6s %5s %10s %13s %14s %14s %11s %11s %8s%n", "cases", "runs", "true lift", "read top 5",
          "read top 10", "findings top 10", "collateral", "(findings)", "s / run");
      long seed = 1000;
      int collateral = 0;
      int collateralFindings = 0;
      for (int cases : planted) {
        var outcomes = new java.util.ArrayList<com.escalationrca.bench.RcaBenchmark.Outcome>();
        for (int r = 0; r < runs; r++) {
          var outcome = dataset.apply(cases, seed++);
          outcome.notes().forEach(System.out::println);
          outcomes.add(outcome);
        }
        int sizeCollateral = outcomes.stream().mapToInt(com.escalationrca.bench.RcaBenchmark.Outcome::collateralCauses).sum();
        int sizeCollateralFindings = outcomes.stream()
            .mapToInt(com.escalationrca.bench.RcaBenchmark.Outcome::collateralFindings).sum();
        collateral += sizeCollateral;
        collateralFindings += sizeCollateralFindings;
        System.out.printf("%-6d %5d %10.1f %12.0f%% %13.0f%% %14.0f%% %11d %11d %8.1f%n", cases, runs,
            outcomes.stream().mapToDouble(com.escalationrca.bench.RcaBenchmark.Outcome::trueLift).average().orElse(0),
            100.0 * outcomes.stream().filter(o -> o.foundWithin(5)).count() / runs,
            100.0 * outcomes.stream().filter(o -> o.foundWithin(10)).count() / runs,
            100.0 * outcomes.stream().filter(o -> o.foundInFindings(10)).count() / runs, sizeCollateral,
            sizeCollateralFindings,
            outcomes.stream().mapToDouble(com.escalationrca.bench.RcaBenchmark.Outcome::seconds).average().orElse(0));
      }
      System.out.printf("collateral: %d of the morning read's top 10 entries, %d findings in all, over %d datasets"
          + " with a planted cause%n", collateral, collateralFindings, planted.size() * runs);
      int falseFindings = 0;
      int runsWithAny = 0;
      for (int r = 0; r < nullRuns; r++) {
        var outcome = dataset.apply(0, seed++);
        outcome.notes().forEach(System.out::println);
        falseFindings += outcome.findings();
        runsWithAny += outcome.findings() > 0 ? 1 : 0;
      }
      System.out.printf("null runs: %d, false findings: %d, runs with any false finding: %d%n", nullRuns,
          falseFindings, runsWithAny);
      System.out.printf("wall time: %.0f s%n", (System.nanoTime() - started) / 1e9);
      return 0;
    }
  }

  @Command(name = "audit", mixinStandardHelpOptions = true,
      description = {"Checks a report against the ground truth of the generated file the run read (FILE.truth.json,",
          "FILE.labels.csv): for each of the morning read's first 10 entries, whether it names a planted cause,",
          "describes part of one, or is collateral; where each planted cause is named; collateral findings in all."})
  static final class Audit implements Callable<Integer> {

    @Option(names = "--report", required = true, paramLabel = "DIR", description = "A report folder, e.g. reports/2026-11-20.")
    Path report;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "The generated file the run imported.")
    Path data;

    @Override
    public Integer call() {
      var result = new com.escalationrca.bench.ReportAudit().audit(report, data,
          ConfigFile.correlateProperties().recentDays());
      System.out.printf("%-4s %6s  %-40s %s%n", "#", "rank", "verdict", "summary");
      for (var e : result.top()) {
        System.out.printf("%-4d %6d  %-40s %s%n", e.position(), e.leadRank(), e.verdict(), e.summary());
      }
      result.causesNamedAt().forEach((cause, at) ->
          System.out.println("planted " + cause + ": " + (at == 0 ? "not named" : "named by entry " + at)));
      System.out.printf("collateral: %d of the first %d entries, %d of %d findings%n", result.collateralEntries(),
          result.top().size(), result.collateralFindings(), result.findings());
      return 0;
    }
  }

  @Command(name = "nights", mixinStandardHelpOptions = true,
      description = {"A month of generated history, then one day imported and one nightly run per night, with causes that",
          "start and end. Prints per night: wall time, peak heap, database and index size, clusters kept and new, and",
          "recurring themes whose cluster changed id; then the growth from night 10 to the last, and what was left behind."})
  static final class Nights implements Callable<Integer> {

    @Option(names = "--nights", defaultValue = "60", description = "Nights to run (default: ${DEFAULT-VALUE}).")
    int nights;

    @Option(names = "--per-day", defaultValue = "2000", description = "Escalations a day (default: ${DEFAULT-VALUE}).")
    int perDay;

    @Mixin
    BenchOptions.Seed seed;

    @Mixin
    BenchOptions.WorkDir workDir;

    @Override
    public Integer call() throws IOException {
      if (nights < 10) {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
            "--nights must be at least 10: growth is measured from night 10");
      }
      Path dir = workDir.orTemporary("rca-bench-nights-");
      StorageOptions storage = StorageOptions.under(dir);
      List<com.escalationrca.bench.NightsBenchmark.Night> figures;
      long started = System.nanoTime();
      System.out.printf("%5s %-10s %8s %9s %9s %9s %8s %5s %5s %7s %8s %8s%n", "night", "date", "seconds", "heap MB",
          "db MB", "index MB", "clusters", "kept", "new", "moved", "rehomed", "findings");
      try (var context = ApplicationContexts.start(storage)) {
        figures = new com.escalationrca.bench.NightsBenchmark(
            context.getBean(com.escalationrca.ingest.EscalationImporter.class),
            context.getBean(com.escalationrca.job.NightlyRunLauncher.class),
            context.getBean(org.springframework.jdbc.core.JdbcTemplate.class),
            context.getBean(com.escalationrca.store.StorageProperties.class).indexDir(), dir)
            .run(nights, perDay, seed.value, n -> {
              System.out.printf("%5d %-10s %8.1f %9.0f %9.1f %9.1f %8d %5d %5d %7d %8d %8d%n",
                  n.night(), n.date(), n.seconds(), n.peakHeapBytes() / 1e6, n.databaseBytes() / 1e6,
                  n.indexBytes() / 1e6, n.clusters(), n.kept(), n.newClusters(), n.themesMoved(), n.themesRehomed(),
                  n.findings());
              n.rehomed().forEach(r -> System.out.println("      rehomed " + r));
            });
      }
      var tenth = figures.get(9);
      var lastNight = figures.get(figures.size() - 1);
      // Nights 10 and last, each as the median of itself and its two neighbours: one slow night is noise.
      System.out.printf("night %d costs %.2fx night 10 (median of 3 nights: %.1f s against %.1f s); database %.2fx,"
          + " index %.2fx%n", lastNight.night(), median3(figures, figures.size() - 1) / median3(figures, 9),
          median3(figures, figures.size() - 1), median3(figures, 9),
          (double) lastNight.databaseBytes() / tenth.databaseBytes(), (double) lastNight.indexBytes() / tenth.indexBytes());
      System.out.printf("recurring themes whose largest cluster changed after night 1: %d (over %d nights); of those,"
          + " to a cluster that held none of the theme the night before: %d%n",
          figures.stream().mapToInt(com.escalationrca.bench.NightsBenchmark.Night::themesMoved).sum(), nights - 1,
          figures.stream().mapToInt(com.escalationrca.bench.NightsBenchmark.Night::themesRehomed).sum());
      boolean serverLeft = Files.exists(storage.dataDir.resolve("postgres").resolve("postmaster.pid"));
      System.out.printf("left behind: embedded PostgreSQL %s%n", serverLeft ? "STILL RUNNING" : "stopped");
      if (workDir.dir == null) {
        com.escalationrca.store.Folders.deleteRecursively(dir);
        System.out.printf("left behind: work folder %s%n", Files.exists(dir) ? "STILL THERE" : "removed");
      }
      System.out.printf("wall time: %.0f s%n", (System.nanoTime() - started) / 1e9);
      return serverLeft ? 1 : 0;
    }

    private static double median3(List<com.escalationrca.bench.NightsBenchmark.Night> figures, int index) {
      int from = Math.max(0, Math.min(index - 1, figures.size() - 3));
      return figures.subList(from, from + 3).stream()
          .mapToDouble(com.escalationrca.bench.NightsBenchmark.Night::seconds).sorted().toArray()[1];
    }
  }

  @Command(name = "explain", mixinStandardHelpOptions = true,
      description = {"Plants one cause per generated dataset (60 days; with --cfpb, in real complaints), imports each alone",
          "and asks `rca explain` about the cause's days against the default baseline; also null datasets asked about",
          "a random week, and planted drops asked about the dip. Prints the share of plants named in the first 3",
          "explanations with at least half of the planted excess, false explanations per null run, drops named first,",
          "and the engine's median seconds beside plain SQL GROUP BYs of single values."})
  static final class Explain implements Callable<Integer> {

    @Option(names = "--escalations", defaultValue = "6000", description = "Escalations per dataset (default: ${DEFAULT-VALUE}).")
    int escalations;

    @Option(names = "--runs", defaultValue = "20", description = "Datasets per cause size (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--null-runs", defaultValue = "20", description = "Datasets with nothing planted (default: ${DEFAULT-VALUE}).")
    int nullRuns;

    @Option(names = "--cfpb", paramLabel = "FILE",
        description = {"Plant the causes into this CFPB export instead (e.g. ../shared/data/cfpb-sample.csv), as",
            "`rca --cfpb` does: complaints of one issue moved onto one company in the last 6 days."})
    Path cfpb;

    @Option(names = "--drop-runs", defaultValue = "10",
        description = "Datasets with a planted drop: 70 %% of one vendor's escalations of the last 7 days removed (default: ${DEFAULT-VALUE}).")
    int dropRuns;

    @Option(names = "--sizes", split = ",", defaultValue = "20,50", paramLabel = "N,N,…",
        description = "Planted cases per cause (default: ${DEFAULT-VALUE}).")
    List<Integer> sizes;

    @Mixin
    BenchOptions.Seed seed;

    @Mixin
    BenchOptions.WorkDir workDir;

    @Override
    public Integer call() throws Exception {
      long started = System.nanoTime();
      workDir.use("rca-bench-explain-", dir -> {
        try (var context = ApplicationContexts.start(StorageOptions.under(dir))) {
          explain(new com.escalationrca.bench.ExplainBenchmark(
              context.getBean(com.escalationrca.ingest.EscalationImporter.class),
              context.getBean(com.escalationrca.explain.ExplainEngine.class),
              context.getBean(org.springframework.jdbc.core.JdbcTemplate.class), Files.createDirectories(dir.resolve("files"))));
        }
        return null;
      });
      System.out.printf("wall time: %.0f s%n", (System.nanoTime() - started) / 1e9);
      return 0;
    }

    private void explain(com.escalationrca.bench.ExplainBenchmark bench) throws Exception {
      List<com.escalationrca.bench.CfpbComplaint> complaints = cfpb == null ? null
          : com.escalationrca.bench.CfpbComplaint.read(cfpb);
      System.out.printf("%-6s %5s %16s %14s %14s %16s%n", "cases", "runs", "named in top 3", "excess held", "explain s", "GROUP BY s");
      long next = seed.value;
      for (int cases : sizes) {
        var outcomes = new java.util.ArrayList<com.escalationrca.bench.ExplainBenchmark.Outcome>();
        for (int r = 0; r < runs; r++) {
          outcomes.add(shown(complaints != null ? bench.runCfpb(complaints, cases, next++)
              : bench.run(escalations, cases, next++)));
        }
        var found = outcomes.stream().filter(o -> o.foundAt() > 0).toList();
        System.out.printf("%-6d %5d %15.0f%% %13.0f%% %14.2f %16.3f%n", cases, runs, 100.0 * found.size() / runs,
            100 * found.stream().mapToDouble(com.escalationrca.bench.ExplainBenchmark.Outcome::excessShare).average().orElse(0),
            median(outcomes, com.escalationrca.bench.ExplainBenchmark.Outcome::seconds),
            median(outcomes, com.escalationrca.bench.ExplainBenchmark.Outcome::groupBySeconds));
      }
      int falseExplanations = 0;
      int runsWithAny = 0;
      for (int r = 0; r < nullRuns; r++) {
        var outcome = shown(complaints != null ? bench.runCfpb(complaints, 0, next++) : bench.run(escalations, 0, next++));
        falseExplanations += outcome.explanations();
        runsWithAny += outcome.explanations() > 0 ? 1 : 0;
      }
      System.out.printf("null runs: %d, false explanations: %d, runs with any: %d%n", nullRuns, falseExplanations, runsWithAny);
      var drops = new java.util.ArrayList<com.escalationrca.bench.ExplainBenchmark.Outcome>();
      for (int r = 0; r < dropRuns; r++) {
        drops.add(shown(bench.drop(escalations, next++)));
      }
      if (dropRuns > 0) {
        var named = drops.stream().filter(o -> o.foundAt() > 0).toList();
        System.out.printf("drop runs: %d, the vendor named first: %.0f%%, removed escalations its dip holds: %.0f%%%n",
            dropRuns, 100.0 * named.size() / dropRuns,
            100 * named.stream().mapToDouble(com.escalationrca.bench.ExplainBenchmark.Outcome::excessShare).average().orElse(0));
      }
    }

    /** A missed plant, or a null run's false explanations, printed as they come. */
    private static com.escalationrca.bench.ExplainBenchmark.Outcome shown(com.escalationrca.bench.ExplainBenchmark.Outcome outcome) {
      if (!outcome.note().isEmpty()) {
        System.out.println(outcome.note());
      }
      return outcome;
    }

    private static double median(List<com.escalationrca.bench.ExplainBenchmark.Outcome> outcomes,
                                 java.util.function.ToDoubleFunction<com.escalationrca.bench.ExplainBenchmark.Outcome> f) {
      double[] values = outcomes.stream().mapToDouble(f).sorted().toArray();
      return values.length == 0 ? 0 : values[values.length / 2];
    }
  }
}
