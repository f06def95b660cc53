package com.escalationrca.report;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.escalationrca.correlate.Finding;
import com.escalationrca.correlate.FindingChanges;
import com.escalationrca.store.Folders;
import com.escalationrca.store.StorageProperties;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Service;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes {@code reports/<run-date>/}: findings.json, clusters.csv, findings.csv, assignments.csv,
 * summary.md and index.html. Files are written to a temporary folder and moved into place, so a
 * reader never sees half a report.
 */
@Service
public class ReportPublisher {

  private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private final ReportReader reader;
  private final StorageProperties storage;
  private final Template markdown;
  private final Template html;
  private final FindingSeries series;
  private final EventMarks events;

  public ReportPublisher(ReportReader reader, StorageProperties storage, FindingSeries series, EventMarks events) {
    this.reader = reader;
    this.storage = storage;
    this.series = series;
    this.events = events;
    this.markdown = template("/report/summary.md.mustache", false);
    this.html = template("/report/index.html.mustache", true);
  }

  public Path publish(long runId) {
    RunReport report = reader.read(runId);
    Path target = storage.reportsDir().resolve(report.runDate().toString());
    Path staging = storage.reportsDir().resolve("." + report.runDate() + ".tmp");
    try {
      Folders.deleteRecursively(staging);
      Files.createDirectories(staging);
      JSON.writeValue(staging.resolve("findings.json").toFile(), report);
      writeClusters(report, staging.resolve("clusters.csv"));
      writeFindings(report, staging.resolve("findings.csv"));
      writeCauses(report, staging.resolve("causes.csv"));
      try (CSVPrinter csv = csv(staging.resolve("assignments.csv"), "escalation_id", "cluster_id")) {
        reader.assignments(runId, (id, cluster) -> print(csv, SpreadsheetCell.of(id), cluster));
      }
      Map<String, Object> model = model(report);
      charts(runId, report, model);
      render(markdown, model, staging.resolve("summary.md"));
      render(html, model, staging.resolve("index.html"));
      Folders.deleteRecursively(target);
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report to " + target + ": " + e.getMessage(), e);
    }
  }

  private static void writeClusters(RunReport report, Path file) throws IOException {
    try (CSVPrinter csv = csv(file, "cluster_id", "label", "size", "status", "previous_ids", "profile",
        "top_terms", "example_ids")) {
      for (RunReport.ClusterSummary c : report.clusters()) {
        csv.printRecord(c.id(), SpreadsheetCell.of(c.label()), c.size(), c.status(), String.join(" ", c.previousIds()),
            SpreadsheetCell.of(c.profile()), SpreadsheetCell.of(String.join(" ", c.topTerms())),
            SpreadsheetCell.of(String.join(" ", c.exampleIds())));
      }
    }
  }

  private static void writeFindings(RunReport report, Path file) throws IOException {
    try (CSVPrinter csv = csv(file, "rank", "kind", "cluster_id", "cluster_label", "dimension", "value",
        "observed", "expected", "lift", "lift_low", "lift_high", "p_value", "q_value", "recent_observed",
        "recent_expected", "spike_q", "since", "weekly_change", "trend_q", "change_q", "change", "score", "cause",
        "summary", "example_ids")) {
      for (RunReport.FindingSummary f : report.findings()) {
        csv.printRecord(f.rank(), f.kind(), f.clusterId(), SpreadsheetCell.of(f.clusterLabel()),
            SpreadsheetCell.of(f.dimension()), SpreadsheetCell.of(f.value()), f.observed(),
            number(f.expected()), number(f.lift()), number(f.liftLow()), number(f.liftHigh()),
            f.pValue(), f.qValue(), f.recentObserved(), number(f.recentExpected()), f.spikeQ(),
            f.since() == null ? "" : f.since().toString(), number(f.weeklyChange()), f.trendQ(), f.changeQ(),
            f.change(), number(f.score()), f.cause(), SpreadsheetCell.of(f.summary()),
            SpreadsheetCell.of(String.join(" ", f.exampleIds())));
      }
    }
  }

  private static void writeCauses(RunReport report, Path file) throws IOException {
    try (CSVPrinter csv = csv(file, "cause", "lead_rank", "ranks", "escalations", "clusters", "top_terms", "summary")) {
      for (RunReport.CauseSummary c : report.causes()) {
        csv.printRecord(c.id(), c.leadRank(), c.ranks().stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(" ")),
            c.escalations(), c.clusters().stream().map(k -> k.clusterId() + " " + k.count())
                .collect(java.util.stream.Collectors.joining(";")),
            SpreadsheetCell.of(String.join(", ", c.topTerms())), SpreadsheetCell.of(lead(report, c).summary()));
      }
    }
  }

  private static RunReport.FindingSummary lead(RunReport report, RunReport.CauseSummary cause) {
    return report.findings().stream().filter(f -> f.rank() == cause.leadRank()).findFirst()
        .orElseThrow(() -> new IllegalStateException("cause " + cause.id() + " leads with rank " + cause.leadRank()
            + ", which the run does not have"));
  }

  private static Map<String, Object> model(RunReport report) {
    Map<String, Object> model = new HashMap<>();
    model.put("report", report);
    List<Map<String, Object>> top = topCauses(report);
    java.util.Set<Integer> shown = new java.util.HashSet<>();
    report.causes().stream().filter(c -> !c.dismissed()).limit(TOP_CAUSES).forEach(c -> shown.addAll(c.ranks()));
    List<Map<String, Object>> more = report.findings().stream().filter(f -> !shown.contains(f.rank()))
        .map(ReportPublisher::view).toList();
    model.put("topFindings", top);
    model.put("moreFindings", more);
    model.put("clusters", report.clusters().stream().map(c -> Map.of("id", c.id(), "label", c.label(),
        "size", c.size(), "status", c.status(), "profile", c.profile(),
        "terms", String.join(", ", c.topTerms()), "examples", String.join(", ", c.exampleIds()))).toList());
    model.put("hasFindings", !report.findings().isEmpty());
    model.put("hasMore", !more.isEmpty());
    model.put("ended", report.ended());
    model.put("hasEnded", !report.ended().isEmpty());
    model.put("deliveries", report.deliveries());
    model.put("hasDeliveries", !report.deliveries().isEmpty());
    model.put("drops", report.drops());
    model.put("hasDrops", !report.drops().isEmpty());
    model.put("resolutions", report.resolutions());
    model.put("hasResolutions", !report.resolutions().isEmpty());
    long dismissed = report.causes().stream().filter(RunReport.CauseSummary::dismissed).count();
    model.put("dismissed", dismissed);
    model.put("hasDismissed", dismissed > 0);
    return model;
  }

  /** Each top cause's chart of daily observed against expected counts, embedded in index.html. */
  @SuppressWarnings("unchecked")
  private void charts(long runId, RunReport report, Map<String, Object> model) {
    Map<Integer, RunReport.FindingSummary> byRank = new HashMap<>();
    report.findings().forEach(f -> byRank.put(f.rank(), f));
    for (Map<String, Object> cause : (List<Map<String, Object>>) model.get("topFindings")) {
      RunReport.FindingSummary lead = byRank.get((Integer) cause.get("rank"));
      DailySeries daily = series.series(runId, lead);
      List<com.escalationrca.events.Event> marked = events.of(lead, daily);
      cause.put("chart", Charts.dataUri(Charts.observedVersusExpected(daily, EventMarks.marks(marked), 640, 200)));
      cause.put("events", String.join("; ", marked.stream().map(EventMarks::line).toList()));
      cause.put("hasEvents", !marked.isEmpty());
      cause.put("onset", daily.onset() == null ? "" : daily.onset().toString());
    }
  }

  /** Causes in the morning read's top list. */
  static final int TOP_CAUSES = 10;

  /**
   * The ten most important causes for the morning read, one entry each. A cause is the findings
   * that describe the same escalations (one problem in several clusters, or at policy level and
   * inside clusters): its best finding leads, the clusters carrying it and its narratives' top
   * terms follow, then its other findings in a line. findings.json and findings.csv keep every
   * finding.
   */
  private static List<Map<String, Object>> topCauses(RunReport report) {
    Map<Integer, RunReport.FindingSummary> byRank = new HashMap<>();
    report.findings().forEach(f -> byRank.put(f.rank(), f));
    List<Map<String, Object>> top = new ArrayList<>();
    for (RunReport.CauseSummary cause : report.causes().stream().filter(c -> !c.dismissed()).limit(TOP_CAUSES).toList()) {
      Map<String, Object> v = view(byRank.get(cause.leadRank()));
      v.put("position", top.size() + 1);
      List<String> also = cause.ranks().stream().skip(1).map(byRank::get).map(f -> String.format(Locale.ROOT,
          "%s%s (#%d, %s%d vs %.0f)", f.clusterId().equals("all") ? "over all escalations" : "in '" + f.clusterLabel() + "'",
          f.dimension().isEmpty() ? "" : ", " + f.dimension() + " = " + f.value(), f.rank(),
          f.kind().equals(Finding.CONCENTRATION) ? "" : f.kind() + ", ", f.observed(), f.expected())).toList();
      v.put("also", String.join("; ", also));
      v.put("hasAlso", !also.isEmpty());
      boolean inClusters = cause.clusters().stream().anyMatch(c -> !c.label().equals("not clustered"));
      v.put("carriers", cause.clusters().stream().map(c -> String.format(Locale.ROOT, "'%s' (%d)", c.label(), c.count()))
          .collect(java.util.stream.Collectors.joining(", ")));
      v.put("hasCarriers", inClusters);
      v.put("terms", String.join(", ", cause.topTerms()));
      v.put("hasTerms", !cause.topTerms().isEmpty());
      v.put("escalations", cause.escalations());
      v.put("tracking", tracking(cause.tracking()));
      v.put("hasTracking", cause.tracking() != null);
      top.add(v);
    }
    return top;
  }

  /** "tracked #12 · ticketed RCA-7 · owner Dana · 3rd night (first seen 2026-11-20)". */
  public static String tracking(RunReport.Tracking t) {
    if (t == null) {
      return "";
    }
    StringBuilder s = new StringBuilder("tracked #").append(t.id()).append(" · ").append(t.state());
    if (t.ticket() != null) {
      s.append(' ').append(t.ticket());
    }
    if (t.owner() != null) {
      s.append(" · owner ").append(t.owner());
    }
    s.append(" · ").append(t.nights() == 1 ? "first night" : "night " + t.nights() + " (first seen " + t.firstSeen() + ")");
    return s.toString();
  }

  private static Map<String, Object> view(RunReport.FindingSummary f) {
    Map<String, Object> v = new HashMap<>();
    v.put("rank", f.rank());
    v.put("kind", f.kind());
    v.put("isNew", FindingChanges.NEW.equals(f.change()));
    v.put("summary", f.summary());
    v.put("cluster", f.clusterId());
    v.put("label", f.clusterLabel());
    v.put("dimension", f.dimension());
    v.put("value", f.value());
    v.put("observed", f.observed());
    v.put("expected", String.format(Locale.ROOT, "%.1f", f.expected()));
    v.put("lift", String.format(Locale.ROOT, "%.2f", f.lift()));
    v.put("interval", String.format(Locale.ROOT, "%.2f–%.2f", f.liftLow(), f.liftHigh()));
    v.put("q", String.format(Locale.ROOT, "%.2g", f.qValue()));
    v.put("examples", String.join(", ", f.exampleIds()));
    return v;
  }

  private static String number(double value) {
    return String.format(Locale.ROOT, "%.4f", value);
  }

  private static CSVPrinter csv(Path file, String... header) throws IOException {
    return CSVFormat.RFC4180.builder().setHeader(header).get()
        .print(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
  }

  private static void print(CSVPrinter csv, Object... values) {
    try {
      csv.printRecord(values);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void render(Template template, Map<String, Object> model, Path file) throws IOException {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      template.execute(model, out);
    }
  }

  private static Template template(String resource, boolean escapeHtml) {
    try (Reader in = new InputStreamReader(ReportPublisher.class.getResourceAsStream(resource), StandardCharsets.UTF_8)) {
      return Mustache.compiler().escapeHTML(escapeHtml).defaultValue("").compile(in);
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("report template " + resource + " is missing", e);
    }
  }


  static List<String> files() {
    return List.of("findings.json", "clusters.csv", "findings.csv", "causes.csv", "assignments.csv", "summary.md",
        "index.html");
  }
}
