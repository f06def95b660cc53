package com.escalationrca.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.escalationrca.explain.ExplainEngine;
import com.escalationrca.explain.ExplainRequest;
import com.escalationrca.explain.Explained;
import com.escalationrca.explain.Explanation;
import com.escalationrca.generate.DatasetWriter;
import com.escalationrca.generate.GeneratorSpec;
import com.escalationrca.generate.GroundTruth;
import com.escalationrca.generate.PlantedCause;
import com.escalationrca.ingest.EscalationImporter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * `explain` as a program manager would use it: generated datasets, each imported alone into the
 * database, with one cause planted (or none), then `rca explain`'s engine asked about the cause's
 * days against the default baseline. A plant is found when an explanation among the first three
 * names its vendor (alone or with its market and policy) and accounts for at least half of what was
 * planted; on null datasets, any explanation of a random week is false. Each question is also timed
 * beside a plain SQL GROUP BY of single values over the same two periods (the baseline).
 */
public final class ExplainBenchmark {

  /** Days of generated history: a window of up to 10 days and its 4× baseline fit inside it. */
  static final int DAYS = 60;
  static final LocalDate LAST_DAY = LocalDate.of(2026, 11, 20);
  static final int TOP = 3;

  /** One dataset's answer: where the plant was named (0: not), false explanations, and the two timings. */
  public record Outcome(int foundAt, int explanations, double excessShare, double seconds, double groupBySeconds,
                        String note) {
  }

  private final EscalationImporter importer;
  private final ExplainEngine engine;
  private final JdbcTemplate jdbc;
  private final Path dir;

  public ExplainBenchmark(EscalationImporter importer, ExplainEngine engine, JdbcTemplate jdbc, Path dir) {
    this.importer = importer;
    this.engine = engine;
    this.jdbc = jdbc;
    this.dir = dir;
  }

  /** A dataset of {@code escalations} with one cause of {@code cases} (none when 0), asked about its window. */
  public Outcome run(int escalations, int cases, long seed) throws Exception {
    Path file = dir.resolve("explain-" + seed + ".jsonl");
    GroundTruth truth = new DatasetWriter().write(
        new GeneratorSpec(escalations, DAYS, seed, LAST_DAY, cases > 0 ? 1 : 0, cases), file);
    // Each dataset alone: what the engine reads is the escalation table.
    jdbc.update("delete from escalation");
    importer.importFile(file, "native", c -> { });
    Files.deleteIfExists(file);
    PlantedCause cause = truth.causes().isEmpty() ? null : truth.causes().get(0);
    LocalDate from = cause != null ? cause.start() : LAST_DAY.minusDays(6 + new Random(seed).nextInt(14));
    LocalDate to = cause != null ? LAST_DAY : from.plusDays(6);
    return ask(ExplainRequest.previous(from, to, Map.of(), ExplainRequest.Direction.BOTH, 10), cause);
  }

  /** Asks the engine, times it beside the plain GROUP BYs, and scores the answer against the plant (null: none). */
  private Outcome ask(ExplainRequest request, PlantedCause cause) {
    long started = System.nanoTime();
    Explained answer = engine.explain(request);
    double seconds = (System.nanoTime() - started) / 1e9;
    double groupBy = groupBySeconds(request);
    // Every claim counts, the parts shown within an explanation too.
    List<Explanation> claims = answer.explanations().stream()
        .flatMap(x -> java.util.stream.Stream.concat(java.util.stream.Stream.of(x), x.within().stream())).toList();
    if (cause == null) {
      return new Outcome(0, claims.size(), 0, seconds, groupBy, claims.stream()
          .map(x -> "false: " + x.description()).collect(java.util.stream.Collectors.joining("; ")));
    }
    List<Explanation> top = answer.explanations().subList(0, Math.min(TOP, answer.explanations().size()));
    long planted = cause.count();
    for (Explanation shown : top) {
      // The plant named by one of the first three explanations, or by a part shown within one.
      for (Explanation x : java.util.stream.Stream.concat(java.util.stream.Stream.of(shown), shown.within().stream()).toList()) {
        if (x.values().containsKey("vendor") && cause.values().entrySet().containsAll(x.values().entrySet())
            && x.excess() >= 0.5 * planted) {
          return new Outcome(shown.rank(), claims.size(), x.excess() / planted, seconds, groupBy, "");
        }
      }
    }
    return new Outcome(0, claims.size(), 0, seconds, groupBy, "missed " + cause.describe() + "; first: "
        + top.stream().map(x -> x.description() + String.format(" (%+.0f)", x.excess())).collect(java.util.stream.Collectors.joining("; ")));
  }

  /**
   * The same question on real complaints: a CFPB dataset as `rca-bench rca --cfpb` plants it ({@code
   * cases} complaints of one issue moved onto one company in the last 6 days; none when 0), written
   * in the native format and imported alone, then `explain` asked about the plant's days (a random
   * week of the dataset when nothing is planted). Found when one of the first three explanations
   * names the company, alone or with the issue (the policy column), and holds half of the plant.
   */
  public Outcome runCfpb(List<CfpbComplaint> complaints, int cases, long seed) throws Exception {
    CfpbPlanting.Dataset dataset = CfpbPlanting.fieldsOnly(complaints).dataset(cases, seed);
    Map<String, String> narratives = new java.util.HashMap<>();
    complaints.forEach(c -> narratives.put(c.id(), c.narrative()));
    Path file = dir.resolve("cfpb-" + seed + ".jsonl");
    try (java.io.BufferedWriter out = Files.newBufferedWriter(file, java.nio.charset.StandardCharsets.UTF_8)) {
      for (RcaBenchmark.Row row : dataset.rows()) {
        Map<String, String> record = new java.util.LinkedHashMap<>(row.dimensions());
        record.put("id", row.id());
        record.put("created", row.day().atTime(12, 0).toInstant(ZoneOffset.UTC).toString());
        record.put("narrative", narratives.get(row.id()));
        out.write(JSON.writeValueAsString(record));
        out.newLine();
      }
    }
    jdbc.update("delete from escalation");
    importer.importFile(file, "native", c -> { });
    Files.deleteIfExists(file);
    PlantedCause cause = dataset.cause();
    LocalDate from = cause != null ? cause.start()
        : dataset.lastDay().minusDays(6 + new Random(seed).nextInt(8));
    LocalDate to = cause != null ? dataset.lastDay() : from.plusDays(6);
    return ask(ExplainRequest.previous(from, to, Map.of(), ExplainRequest.Direction.BOTH, 10), cause);
  }

  private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

  /** Share of a vendor's escalations in the window a planted drop removes. */
  static final double DROP = 0.7;
  static final int DROP_DAYS = 7;

  /**
   * A planted drop: a generated dataset with nothing planted, then {@link #DROP} of one vendor's
   * escalations in the last {@link #DROP_DAYS} days removed (a vendor that stopped escalating: an
   * outage or a routing error), and `explain --direction dip` asked about those days. Found when the
   * first explanation is that vendor (alone) and holds at least half of the removed escalations.
   */
  public Outcome drop(int escalations, long seed) throws Exception {
    Path file = dir.resolve("drop-" + seed + ".jsonl");
    new DatasetWriter().write(new GeneratorSpec(escalations, DAYS, seed, LAST_DAY, 0, 0), file);
    jdbc.update("delete from escalation");
    importer.importFile(file, "native", c -> { });
    Files.deleteIfExists(file);
    LocalDate from = LAST_DAY.minusDays(DROP_DAYS - 1L);
    List<String> vendors = jdbc.queryForList("select vendor from escalation where created_at >= ? group by vendor"
        + " having count(*) >= 20 order by vendor", String.class, day(from));
    String vendor = vendors.get(new Random(seed).nextInt(vendors.size()));
    // Seeded and repeatable: which escalations go is decided by a hash of their id.
    int removed = jdbc.update("delete from escalation where vendor = ? and created_at >= ?"
        + " and mod(abs(hashtext(external_id || ?)), 1000) < ?", vendor, day(from), Long.toString(seed),
        (int) Math.round(DROP * 1000));
    ExplainRequest request = ExplainRequest.previous(from, LAST_DAY, Map.of(), ExplainRequest.Direction.DIP, 10);
    long started = System.nanoTime();
    Explained answer = engine.explain(request);
    double seconds = (System.nanoTime() - started) / 1e9;
    double groupBy = groupBySeconds(request);
    Explanation first = answer.explanations().isEmpty() ? null : answer.explanations().get(0);
    if (first != null && first.values().equals(Map.of("vendor", vendor)) && -first.excess() >= 0.5 * removed) {
      return new Outcome(1, answer.explanations().size(), -first.excess() / removed, seconds, groupBy, "");
    }
    return new Outcome(0, answer.explanations().size(), 0, seconds, groupBy, "missed the drop of vendor " + vendor
        + " (" + removed + " removed); first: " + (first == null ? "none" : first.description()
        + String.format(" (%+.0f)", first.excess())));
  }

  /** The plain baseline: each dimension's values counted in both periods by one GROUP BY each. */
  private double groupBySeconds(ExplainRequest request) {
    long started = System.nanoTime();
    for (String dimension : List.of("policy", "vendor", "market", "language", "channel", "priority", "action", "outcome")) {
      jdbc.queryForList("select " + dimension + ", created_at >= ? as in_window, count(*) from escalation"
          + " where created_at >= ? and created_at < ? group by 1, 2", day(request.from()), day(request.baselineStart()),
          day(request.to().plusDays(1)));
    }
    return (System.nanoTime() - started) / 1e9;
  }

  private static Timestamp day(LocalDate day) {
    return Timestamp.from(day.atStartOfDay().toInstant(ZoneOffset.UTC));
  }
}
