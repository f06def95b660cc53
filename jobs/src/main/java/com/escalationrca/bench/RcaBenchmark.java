package com.escalationrca.bench;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.escalationrca.cluster.ClusterProperties;
import com.escalationrca.cluster.Clustering;
import com.escalationrca.cluster.NarrativeClusterer;
import com.escalationrca.cluster.NarrativeDocument;
import com.escalationrca.correlate.CorrelateProperties;
import com.escalationrca.correlate.Correlation;
import com.escalationrca.correlate.Correlator;
import com.escalationrca.correlate.Finding;
import com.escalationrca.correlate.Observation;
import com.escalationrca.generate.CauseShape;
import com.escalationrca.generate.EscalationGenerator;
import com.escalationrca.generate.GeneratedEscalation;
import com.escalationrca.generate.GeneratorSpec;
import com.escalationrca.generate.GroundTruth;
import com.escalationrca.generate.PlantedCause;
import com.escalationrca.ingest.Field;
import com.escalationrca.ingest.Taxonomy;
import com.escalationrca.nlp.NarrativeAnalysis;
import com.escalationrca.nlp.NarrativeAnalyzer;
import com.escalationrca.nlpmodels.NlpModels;

/**
 * Does the job find planted causes, and only them? Each dataset is generated, then analysed,
 * clustered and correlated by the job's own classes (the database steps are left out: they move
 * data, not decisions). A planted cause is found when a top-10 finding names its vendor (alone or
 * with its market and policy) in a cluster whose members are mostly the cause's theme. Null datasets plant
 * nothing: every finding on them is false.
 */
public final class RcaBenchmark {

  static final int WINDOW_DAYS = 28;
  static final int TOP = 10;

  /** One dataset's outcome: planted cases (0 for null), the cause's true lift, found?, findings. */
  /** {@code notes}: for a null run, its (false) findings; for a missed cause, the cause and what came first instead. */
  public record Outcome(int cases, double trueLift, boolean found, int findings, double seconds,
                        List<String> notes) {
  }

  private final ThreadLocal<NarrativeAnalyzer> analyzers;
  private final ClusterProperties clusterProperties;
  private final CorrelateProperties correlateProperties;
  private final Taxonomy taxonomy;

  public RcaBenchmark(NlpModels models, ClusterProperties clusterProperties,
                      CorrelateProperties correlateProperties, Taxonomy taxonomy) {
    this.analyzers = ThreadLocal.withInitial(() -> new NarrativeAnalyzer(models));
    this.clusterProperties = clusterProperties;
    this.correlateProperties = correlateProperties;
    this.taxonomy = taxonomy;
  }

  /** One dataset with one cause of {@code casesPerCause} escalations (none when 0) of the theme, or a random one. */
  public Outcome run(int escalations, int casesPerCause, long seed, String causeTheme) {
    return run(escalations, casesPerCause, seed, causeTheme, CauseShape.STEP);
  }

  /** As {@link #run(int, int, long, String)}, with causes of the given shape. */
  public Outcome run(int escalations, int casesPerCause, long seed, String causeTheme, CauseShape shape) {
    return runWithFindings(escalations, casesPerCause, seed, causeTheme, shape).outcome();
  }

  /** Findings of one dataset, for looking at what a run reported. */
  List<Finding> runDetailed(int escalations, int casesPerCause, long seed, String causeTheme) {
    return runWithFindings(escalations, casesPerCause, seed, causeTheme, CauseShape.STEP).findings();
  }

  private record Detailed(Outcome outcome, List<Finding> findings) {
  }

  private Detailed runWithFindings(int escalations, int casesPerCause, long seed, String causeTheme,
                                   CauseShape shape) {
    long started = System.nanoTime();
    LocalDate lastDay = LocalDate.of(2026, 11, 20);
    List<GeneratedEscalation> rows = new ArrayList<>();
    GroundTruth truth = new EscalationGenerator().generate(new GeneratorSpec(escalations, 42, seed, lastDay,
        casesPerCause > 0 ? 1 : 0, casesPerCause,
        casesPerCause > 0 && causeTheme != null ? List.of(causeTheme) : List.of(), shape), rows::add);
    LocalDate windowStart = lastDay.minusDays(WINDOW_DAYS - 1L);
    List<GeneratedEscalation> window = rows.stream()
        .filter(r -> !day(r).isBefore(windowStart)).toList();
    List<NarrativeDocument> documents = IntStream.range(0, window.size()).parallel().mapToObj(i -> {
      NarrativeAnalysis a = analyzers.get().analyze(window.get(i).narrative(), null);
      return new NarrativeDocument(i, a.language(), a.terms(), a.phrases());
    }).toList();
    Clustering clustering = new NarrativeClusterer(clusterProperties).cluster(documents);
    List<Observation> observations = new ArrayList<>();
    Map<String, String> themeOf = new HashMap<>();
    for (int i = 0; i < window.size(); i++) {
      GeneratedEscalation r = window.get(i);
      Clustering.Assignment a = clustering.assignments().get((long) i);
      observations.add(new Observation(r.id(), a.clusterId(), a.similarity(), day(r), dimensions(r, documents.get(i))));
      themeOf.put(r.id(), r.theme());
    }
    Map<String, String> labels = clustering.clusters().stream()
        .collect(Collectors.toMap(c -> c.id(), c -> c.label()));
    Correlation correlation = new Correlator(correlateProperties, taxonomy)
        .correlate(observations, labels, windowStart, lastDay);
    double seconds = (System.nanoTime() - started) / 1e9;
    if (truth.causes().isEmpty()) {
      return new Detailed(new Outcome(0, 0, false, correlation.findings().size(), seconds,
          correlation.findings().stream().map(f -> "false finding: " + f.summary()).toList()), correlation.findings());
    }
    PlantedCause cause = truth.causes().get(0);
    Map<String, String> majorityTheme = majorityTheme(observations, themeOf);
    boolean found = correlation.findings().stream().limit(TOP).anyMatch(f -> names(f, cause)
        && cause.theme().equals(majorityTheme.get(f.clusterId())));
    // A missed cause is shown with what the run reported first instead, to see why it was missed.
    List<String> instead = found ? List.of() : java.util.stream.Stream.concat(
        java.util.stream.Stream.of("missed: " + cause.describe()),
        correlation.findings().stream().limit(3).map(f -> "  reported #" + f.rank() + " (cluster mostly "
            + majorityTheme.get(f.clusterId()) + "): " + f.summary())).toList();
    return new Detailed(new Outcome(casesPerCause, trueLift(window, cause), found, correlation.findings().size(), seconds,
        instead),
        correlation.findings());
  }

  /**
   * Does the finding name the cause: its vendor, alone or with the cause's market and policy (the
   * policy for a theme that occurs under every policy), and nothing else?
   */
  static boolean names(Finding f, PlantedCause cause) {
    return names(f.dimension(), f.value(), cause);
  }

  /** As {@link #names(Finding, PlantedCause)}, for a finding as published ("vendor ∧ market", "A ∧ BR"). */
  public static boolean names(String dimension, String value, PlantedCause cause) {
    Map<String, String> values = Finding.values(dimension, value);
    Map<String, String> planted = Map.of("vendor", cause.vendor(), "market", cause.market(), "policy", cause.policy());
    return values.containsKey("vendor")
        && values.entrySet().stream().allMatch(e -> e.getValue().equals(planted.get(e.getKey())));
  }

  /**
   * Lift of the cause's cell (vendor ∧ market) among its theme's escalations, from the ground truth
   * alone; for a theme that occurs under every policy, among the escalations of the cause's policy.
   */
  static double trueLift(List<GeneratedEscalation> window, PlantedCause cause) {
    boolean crossPolicy = window.stream()
        .anyMatch(r -> r.theme().equals(cause.theme()) && !r.policy().equals(cause.policy()));
    List<GeneratedEscalation> population = crossPolicy
        ? window.stream().filter(r -> r.policy().equals(cause.policy())).toList() : window;
    long theme = population.stream().filter(r -> r.theme().equals(cause.theme())).count();
    long cell = population.stream().filter(r -> r.theme().equals(cause.theme()) && r.vendor().equals(cause.vendor())
        && r.market().equals(cause.market())).count();
    long vendorMarket = population.stream().filter(r -> r.vendor().equals(cause.vendor())
        && r.market().equals(cause.market())).count();
    double expected = (double) theme * vendorMarket / population.size();
    return expected == 0 ? 0 : cell / expected;
  }

  private static Map<String, String> majorityTheme(List<Observation> observations, Map<String, String> themeOf) {
    return observations.stream().collect(Collectors.groupingBy(Observation::clusterId,
        Collectors.collectingAndThen(Collectors.groupingBy(o -> themeOf.get(o.externalId()), Collectors.counting()),
            counts -> counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey())));
  }

  /** As an import would store them (language folded by the taxonomy), plus the detected language. */
  private Map<String, String> dimensions(GeneratedEscalation r, NarrativeDocument analysed) {
    Map<String, String> d = new HashMap<>(r.dimensions());
    d.put("language", taxonomy.canonical(Field.LANGUAGE, r.language()));
    d.put("detected_language", analysed.language());
    return d;
  }

  private static LocalDate day(GeneratedEscalation r) {
    return r.created().atZone(ZoneOffset.UTC).toLocalDate();
  }
}
