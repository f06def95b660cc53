package com.escalationrca.bench;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.escalationrca.cluster.ClusterProperties;
import com.escalationrca.cluster.Clustering;
import com.escalationrca.cluster.NarrativeClusterer;
import com.escalationrca.cluster.NarrativeDocument;
import com.escalationrca.correlate.CorrelateProperties;
import com.escalationrca.correlate.Correlation;
import com.escalationrca.correlate.Correlator;
import com.escalationrca.correlate.Finding;
import com.escalationrca.correlate.FindingMembers;
import com.escalationrca.correlate.Observation;
import com.escalationrca.generate.CauseShape;
import com.escalationrca.generate.EscalationGenerator;
import com.escalationrca.generate.GeneratedEscalation;
import com.escalationrca.generate.GeneratorSpec;
import com.escalationrca.generate.GroundTruth;
import com.escalationrca.generate.PlantedCause;
import com.escalationrca.ingest.Field;
import com.escalationrca.ingest.Taxonomy;

/**
 * Does the job find planted causes, and only them? Each dataset (generated, or real CFPB complaints
 * with a cause moved into them by {@link CfpbPlanting}) is analysed, clustered and correlated by the
 * job's own classes (the database steps are left out: they move data, not decisions).
 * <ul>
 *   <li>A planted cause is found at the morning-read position of the cause holding the first
 *   finding that names it (its vendor, alone or with its market and policy, and nothing else) and
 *   whose escalations are mostly the cause's theme.</li>
 *   <li>A finding that names no planted cause is collateral when planted escalations make up less
 *   than half of its excess: it describes something else, usually a cluster that mixes two
 *   problems. A morning-read entry is collateral when its lead finding is.</li>
 *   <li>Null datasets plant nothing: every finding on them is false.</li>
 * </ul>
 */
public final class RcaBenchmark {

  static final int WINDOW_DAYS = 28;
  static final int TOP = 10;

  /**
   * One dataset's outcome: planted cases (0 for null), the cause's true lift, the rank of the first
   * finding naming it and the morning-read position of its cause (0: none), how many findings there
   * were, how many morning-read entries (of the first 10) and findings (of all) are collateral, and
   * notes: a null run's (false) findings, or a missed cause with what came first instead.
   */
  public record Outcome(int cases, double trueLift, int foundAt, int causeAt, int findings, int collateralCauses,
                        int collateralFindings, double seconds, List<String> notes) {

    /** Named by a finding of the first {@code top} morning-read entries. */
    public boolean foundWithin(int top) {
      return causeAt >= 1 && causeAt <= top;
    }

    /** Named by one of the first {@code top} findings. */
    public boolean foundInFindings(int top) {
      return foundAt >= 1 && foundAt <= top;
    }

    public boolean found() {
      return foundWithin(TOP);
    }
  }

  /** One escalation of a benchmark dataset, with its ground truth (theme, planted) and analysis. */
  record Row(String id, String theme, boolean planted, LocalDate day, Map<String, String> dimensions,
             NarrativeDocument document) {
  }

  private final BenchAnalysis analysis;
  private final ClusterProperties clusterProperties;
  private final CorrelateProperties correlateProperties;
  private final Taxonomy taxonomy;

  public RcaBenchmark(BenchAnalysis analysis, ClusterProperties clusterProperties,
                      CorrelateProperties correlateProperties, Taxonomy taxonomy) {
    this.analysis = analysis;
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
    return generated(escalations, casesPerCause, seed, causeTheme, shape).outcome();
  }

  /** Findings of one generated dataset, for looking at what a run reported. */
  List<Finding> runDetailed(int escalations, int casesPerCause, long seed, String causeTheme) {
    return generated(escalations, casesPerCause, seed, causeTheme, CauseShape.STEP).findings();
  }

  /** Analyses the CFPB complaints once, for many {@link #runCfpb} datasets. */
  public CfpbPlanting cfpb(List<CfpbComplaint> complaints) {
    return cfpb(complaints, false);
  }

  /**
   * As {@link #cfpb(List)}; {@code textOnly}: vendors at random, the policy constant, so only the
   * narratives carry a planted cause.
   */
  public CfpbPlanting cfpb(List<CfpbComplaint> complaints, boolean textOnly) {
    List<NarrativeDocument> documents = analysis.analyse(complaints.stream().map(CfpbComplaint::narrative).toList());
    return new CfpbPlanting(complaints, documents, textOnly ? CfpbPlanting.Policy.CONSTANT : CfpbPlanting.Policy.ISSUE);
  }

  /**
   * Analyses the Portuguese development set once: always text-only, with the coarse product as the
   * policy column (what a reviewer would pick), vendors at random.
   */
  public CfpbPlanting reclameAqui(List<CfpbComplaint> complaints) {
    List<NarrativeDocument> documents = analysis.analyse(complaints.stream().map(CfpbComplaint::narrative).toList());
    return new CfpbPlanting(complaints, documents, CfpbPlanting.Policy.PRODUCT);
  }

  /**
   * One dataset of real complaints with dates spread over {@link CfpbPlanting#DAYS} days and, unless
   * {@code cases} is 0, that many complaints of one issue moved onto one company in the last days.
   */
  public Outcome runCfpb(CfpbPlanting complaints, int cases, long seed) {
    long started = System.nanoTime();
    CfpbPlanting.Dataset dataset = complaints.dataset(cases, seed);
    return evaluate(dataset.rows(), dataset.cause(), dataset.firstDay(), dataset.lastDay(), started).outcome();
  }

  private record Detailed(Outcome outcome, List<Finding> findings) {
  }

  private Detailed generated(int escalations, int casesPerCause, long seed, String causeTheme, CauseShape shape) {
    long started = System.nanoTime();
    LocalDate lastDay = LocalDate.of(2026, 11, 20);
    List<GeneratedEscalation> generated = new ArrayList<>();
    GroundTruth truth = new EscalationGenerator().generate(new GeneratorSpec(escalations, 42, seed, lastDay,
        casesPerCause > 0 ? 1 : 0, casesPerCause,
        casesPerCause > 0 && causeTheme != null ? List.of(causeTheme) : List.of(), shape), generated::add);
    LocalDate windowStart = lastDay.minusDays(WINDOW_DAYS - 1L);
    List<GeneratedEscalation> window = generated.stream().filter(r -> !day(r).isBefore(windowStart)).toList();
    List<NarrativeDocument> documents = analysis.analyse(window.stream().map(GeneratedEscalation::narrative).toList());
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < window.size(); i++) {
      GeneratedEscalation r = window.get(i);
      Map<String, String> dimensions = new HashMap<>(r.dimensions());
      // As an import would store them: the declared language folded by the taxonomy.
      dimensions.put("language", taxonomy.canonical(Field.LANGUAGE, r.language()));
      rows.add(new Row(r.id(), r.theme(), r.planted(), day(r), dimensions, documents.get(i)));
    }
    return evaluate(rows, truth.causes().isEmpty() ? null : truth.causes().get(0), windowStart, lastDay, started);
  }

  private Detailed evaluate(List<Row> rows, PlantedCause cause, LocalDate windowStart, LocalDate lastDay, long started) {
    Clustering clustering = new NarrativeClusterer(clusterProperties)
        .cluster(rows.stream().map(Row::document).toList());
    List<Observation> observations = new ArrayList<>();
    com.escalationrca.correlate.Vocabulary vocabulary = new com.escalationrca.correlate.Vocabulary();
    for (Row r : rows) {
      Clustering.Assignment a = clustering.assignments().get(r.document().escalationId());
      Map<String, String> dimensions = new HashMap<>(r.dimensions());
      dimensions.put("detected_language", r.document().language());
      // The words as the correlate step reads them back: terms, then noun phrases.
      List<String> words = new ArrayList<>(r.document().terms());
      words.addAll(r.document().phrases());
      observations.add(new Observation(r.id(), a.clusterId(), a.similarity(), r.day(), dimensions, vocabulary.of(words)));
    }
    Map<String, String> labels = clustering.clusters().stream().collect(Collectors.toMap(c -> c.id(), c -> c.label()));
    Correlation correlation = new Correlator(correlateProperties, taxonomy)
        .correlate(observations, labels, windowStart, lastDay);
    double seconds = (System.nanoTime() - started) / 1e9;
    List<Finding> findings = correlation.findings();
    if (cause == null) {
      return new Detailed(new Outcome(0, 0, 0, 0, findings.size(), 0, 0, seconds,
          findings.stream().map(f -> "false finding: " + f.summary()).toList()), findings);
    }
    PlantedTruth truth = new PlantedTruth(rows.stream().collect(Collectors.toMap(Row::id,
        r -> new PlantedTruth.Truth(r.theme(), r.planted()))),
        new FindingMembers(observations, lastDay.minusDays(correlateProperties.recentDays() - 1L)));
    Finding first = findings.stream().filter(f -> truth.names(PlantedTruth.Published.of(f), cause)).findFirst().orElse(null);
    int foundAt = first == null ? 0 : first.rank();
    int causeAt = first == null ? 0 : first.cause();
    // A morning-read entry is collateral when its lead finding is.
    java.util.function.Predicate<Finding> collateral = f -> truth.collateral(PlantedTruth.Published.of(f), List.of(cause));
    List<Finding> collateralLeads = correlation.causes().stream().limit(TOP)
        .map(c -> findings.get(c.leadRank() - 1)).filter(collateral).toList();
    long collateralFindings = findings.stream().filter(collateral).count();
    List<String> notes = new ArrayList<>();
    if (causeAt < 1 || causeAt > TOP) {
      // A missed cause is shown with what the run reported first instead, to see why it was missed.
      notes.add("missed: " + cause.describe() + (foundAt > 0 ? " (named at rank " + foundAt + ")" : ""));
      correlation.causes().stream().limit(3).map(c -> findings.get(c.leadRank() - 1)).forEach(f -> notes.add(
          "  reported #" + f.rank() + " (escalations mostly " + truth.majorityTheme(PlantedTruth.Published.of(f)) + "): "
              + f.summary()));
    }
    collateralLeads.forEach(f -> notes.add("collateral #" + f.rank() + " (escalations mostly "
        + truth.majorityTheme(PlantedTruth.Published.of(f)) + "): " + f.summary()));
    return new Detailed(new Outcome(cause.count(), trueLift(rows, cause), foundAt, causeAt, findings.size(),
        collateralLeads.size(), (int) collateralFindings, seconds, notes), findings);
  }

  static boolean names(Finding f, PlantedCause cause) {
    return cause.isNamedBy(f.dimension(), f.value());
  }

  /**
   * Lift of the cause's cell (its theme with its vendor and market) among its theme's
   * escalations, from the ground truth alone; for a theme that occurs under every policy, among the
   * escalations of the cause's policy.
   */
  static double trueLift(List<Row> window, PlantedCause cause) {
    boolean crossPolicy = window.stream()
        .anyMatch(r -> r.theme().equals(cause.theme()) && !cause.policy().equals(r.dimensions().get("policy")));
    List<Row> population = crossPolicy
        ? window.stream().filter(r -> cause.policy().equals(r.dimensions().get("policy"))).toList() : window;
    Map<String, String> values = cause.values();
    values.remove("policy");
    java.util.function.Predicate<Row> inCell = r -> values.entrySet().stream()
        .allMatch(e -> e.getValue().equals(r.dimensions().get(e.getKey())));
    long theme = population.stream().filter(r -> r.theme().equals(cause.theme())).count();
    long cell = population.stream().filter(r -> r.theme().equals(cause.theme()) && inCell.test(r)).count();
    long withValues = population.stream().filter(inCell).count();
    double expected = (double) theme * withValues / population.size();
    return expected == 0 ? 0 : cell / expected;
  }

  private static LocalDate day(GeneratedEscalation r) {
    return r.created().atZone(ZoneOffset.UTC).toLocalDate();
  }
}
