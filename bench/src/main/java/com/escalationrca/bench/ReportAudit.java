package com.escalationrca.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.escalationrca.correlate.FindingMembers;
import com.escalationrca.correlate.Observation;
import com.escalationrca.generate.DatasetWriter;
import com.escalationrca.generate.GroundTruth;
import com.escalationrca.generate.PlantedCause;
import com.escalationrca.report.RunReport;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a published report against the ground truth of the generated file it was run on (its
 * {@code .truth.json} and {@code .labels.csv}): each entry of the morning read's top 10 names a
 * planted cause, describes part of one (planted escalations make up at least half of its excess),
 * or is collateral; and how many of all the findings are collateral. The report's
 * {@code assignments.csv} gives each escalation's cluster, the data file its values and day.
 */
public final class ReportAudit {

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  /** One morning-read entry: its position, its lead finding's rank, the verdict and the sentence. */
  public record Entry(int position, int leadRank, String verdict, String summary) {
  }

  /** The audit: the top entries, every planted cause with the position naming it (0: none), collateral counts. */
  public record Result(List<Entry> top, Map<String, Integer> causesNamedAt, int findings, int collateralFindings) {

    public long collateralEntries() {
      return top.stream().filter(e -> e.verdict().equals(COLLATERAL)).count();
    }
  }

  static final String COLLATERAL = "collateral";

  public Result audit(Path reportDir, Path data, int recentDays) {
    RunReport report = JSON.readValue(reportDir.resolve("findings.json").toFile(), RunReport.class);
    GroundTruth truth = JSON.readValue(DatasetWriter.truthFile(data).toFile(), GroundTruth.class);
    Map<String, String> clusterOf = new HashMap<>();
    for (CSVRecord r : csv(reportDir.resolve("assignments.csv"))) {
      clusterOf.put(r.get("escalation_id"), r.get("cluster_id"));
    }
    Map<String, PlantedTruth.Truth> themes = new HashMap<>();
    for (CSVRecord r : csv(DatasetWriter.labelsFile(data))) {
      if (clusterOf.containsKey(r.get("id"))) {
        themes.put(r.get("id"), new PlantedTruth.Truth(r.get("theme"), Boolean.parseBoolean(r.get("planted"))));
      }
    }
    List<Observation> window = observations(data, clusterOf);
    PlantedTruth planted = new PlantedTruth(themes,
        new FindingMembers(window, report.window().end().minusDays(recentDays - 1L)));
    Map<Integer, RunReport.FindingSummary> byRank = new HashMap<>();
    report.findings().forEach(f -> byRank.put(f.rank(), f));
    List<Entry> top = new ArrayList<>();
    Map<String, Integer> namedAt = new HashMap<>();
    truth.causes().forEach(c -> namedAt.put(c.describe(), 0));
    for (RunReport.CauseSummary cause : report.causes()) {
      for (int rank : cause.ranks()) {
        PlantedTruth.Published f = published(byRank.get(rank));
        truth.causes().stream().filter(c -> planted.names(f, c) && namedAt.get(c.describe()) == 0)
            .forEach(c -> namedAt.put(c.describe(), cause.id()));
      }
      if (top.size() < RcaBenchmark.TOP) {
        RunReport.FindingSummary lead = byRank.get(cause.leadRank());
        PlantedTruth.Published f = published(lead);
        String verdict = truth.causes().stream().filter(c -> planted.names(f, c)).findFirst()
            .map(c -> "names " + c.vendor() + " / " + c.theme())
            .orElse(planted.collateral(f, truth.causes()) ? COLLATERAL : "part of a planted cause");
        top.add(new Entry(cause.id(), lead.rank(), verdict, lead.summary()));
      }
    }
    int collateral = (int) report.findings().stream().filter(f -> planted.collateral(published(f), truth.causes())).count();
    return new Result(top, namedAt, report.findings().size(), collateral);
  }

  private static PlantedTruth.Published published(RunReport.FindingSummary f) {
    return new PlantedTruth.Published(f.kind(), f.clusterId(), f.dimension(), f.value(), f.observed(), f.expected());
  }

  /** The window's escalations (those in the report's assignments), with their values and day. */
  private static List<Observation> observations(Path data, Map<String, String> clusterOf) {
    List<Observation> window = new ArrayList<>(clusterOf.size());
    boolean isCsv = data.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
    if (isCsv) {
      for (CSVRecord r : csv(data)) {
        add(r.toMap(), clusterOf, window);
      }
      return window;
    }
    try (BufferedReader in = Files.newBufferedReader(data, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (!line.isBlank()) {
          @SuppressWarnings("unchecked")
          Map<String, String> row = JSON.readValue(line, Map.class);
          add(row, clusterOf, window);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + data + ": " + e.getMessage(), e);
    }
    return window;
  }

  private static void add(Map<String, String> row, Map<String, String> clusterOf, List<Observation> window) {
    String cluster = clusterOf.get(row.get("id"));
    if (cluster == null) {
      return;
    }
    Map<String, String> dimensions = new HashMap<>(row);
    dimensions.keySet().removeAll(List.of("id", "created", "updated", "narrative"));
    dimensions.values().removeIf(v -> v == null || v.isBlank());
    LocalDate day = Instant.parse(row.get("created")).atZone(ZoneOffset.UTC).toLocalDate();
    window.add(new Observation(row.get("id"), cluster, 0, day, dimensions));
  }

  private static Iterable<CSVRecord> csv(Path file) {
    try {
      Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
      return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
