package com.escalationrca.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.escalationrca.generate.EscalationGenerator;
import com.escalationrca.generate.GeneratedEscalation;
import com.escalationrca.generate.GeneratorSpec;
import com.escalationrca.ingest.EscalationImporter;
import com.escalationrca.job.NightlyRunLauncher;
import org.springframework.batch.core.BatchStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Many nights in a row, as production lives them: a month of history, then each night one day of
 * generated escalations is imported and the nightly run for that day runs. Causes start and end
 * along the way. Per night it measures the run's wall time, its peak heap, the database's and the
 * index's size, and cluster identity: how many clusters kept the previous night's id, how many are
 * new, and, for each recurring theme × language, whether its largest cluster changed id.
 */
public final class NightsBenchmark {

  private static final ObjectMapper JSONL = JsonMapper.builder().build();
  private static final int HISTORY_DAYS = 28;

  /** One night's figures. */
  public record Night(int night, LocalDate date, double seconds, long peakHeapBytes, long databaseBytes,
                      long indexBytes, int clusters, int kept, int newClusters, int themesMoved, int themesRehomed,
                      int findings, List<String> rehomed) {
  }

  private final EscalationImporter importer;
  private final NightlyRunLauncher launcher;
  private final JdbcTemplate jdbc;
  private final Path indexDir;
  private final Path workDir;

  public NightsBenchmark(EscalationImporter importer, NightlyRunLauncher launcher, JdbcTemplate jdbc, Path indexDir,
                         Path workDir) {
    this.importer = importer;
    this.launcher = launcher;
    this.jdbc = jdbc;
    this.indexDir = indexDir;
    this.workDir = workDir;
  }

  /**
   * Runs {@code nights} nights of {@code perDay} escalations, ending yesterday-relative to a fixed
   * date so figures repeat; {@code sink} receives each night as it finishes.
   */
  public List<Night> run(int nights, int perDay, long seed, java.util.function.Consumer<Night> sink) {
    LocalDate last = LocalDate.of(2026, 11, 20);
    LocalDate first = last.minusDays(nights - 1L);
    Map<LocalDate, List<GeneratedEscalation>> byDay = escalations(first.minusDays(HISTORY_DAYS), last, perDay, seed);
    importDays(byDay, first.minusDays(HISTORY_DAYS), first.minusDays(1));
    Map<String, String> themeOf = new HashMap<>();
    byDay.values().forEach(rows -> rows.forEach(r -> themeOf.put(r.id(), r.theme() + "/" + r.language())));
    Map<String, String> previousHome = new HashMap<>();
    Map<String, Map<String, Integer>> previousCounts = new HashMap<>();
    List<Night> figures = new ArrayList<>();
    long previousRunId = -1;
    for (int n = 1; n <= nights; n++) {
      LocalDate date = first.plusDays(n - 1L);
      importDays(byDay, date, date);
      System.gc();
      heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
      long started = System.nanoTime();
      NightlyRunLauncher.RunOutcome outcome;
      try {
        outcome = launcher.run(date, false, false);
      } catch (Exception e) {
        throw new IllegalStateException("night " + n + " (" + date + ") failed: " + e.getMessage(), e);
      }
      if (outcome.status() != BatchStatus.COMPLETED) {
        throw new IllegalStateException("night " + n + " (" + date + ") failed: " + outcome.exitDescription());
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      long peak = heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
      long runId = jdbc.queryForObject("select max(run_id) from rca_run where run_date = ?", Long.class, date);
      Map<String, Map<String, Integer>> counts = themeCounts(runId, themeOf);
      Map<String, String> home = homes(counts);
      int moved = (int) home.entrySet().stream()
          .filter(e -> previousHome.containsKey(e.getKey()) && !previousHome.get(e.getKey()).equals(e.getValue())).count();
      // Rehomed: tonight's largest cluster held less than a tenth of the theme last night. A flip
      // between two clusters that both held it is a change of which is larger, not of ids.
      List<String> rehomed = home.entrySet().stream()
          .filter(e -> previousCounts.containsKey(e.getKey())
              && !places(previousCounts.get(e.getKey())).contains(e.getValue()))
          .map(e -> e.getKey() + ": " + previousCounts.get(e.getKey()) + " -> " + counts.get(e.getKey()))
          .toList();
      previousHome.clear();
      previousHome.putAll(home);
      previousCounts.clear();
      previousCounts.putAll(counts);
      Integer clusters = jdbc.queryForObject("select count(*) from rca_cluster where run_id = ?", Integer.class, runId);
      // Kept: the id was there last night (a split-off part has a fresh id, so it is not kept).
      Integer kept = jdbc.queryForObject("""
          select count(*) from rca_cluster c where c.run_id = ?
            and exists (select 1 from rca_cluster p where p.run_id = ? and p.cluster_id = c.cluster_id)
          """, Integer.class, runId, previousRunId);
      previousRunId = runId;
      Integer findings = jdbc.queryForObject("select finding_count from rca_run where run_id = ?", Integer.class, runId);
      Night night = new Night(n, date, seconds, peak,
          jdbc.queryForObject("select pg_database_size(current_database())", Long.class), size(indexDir),
          clusters, kept, clusters - kept, n == 1 ? 0 : moved, rehomed.size(), findings, rehomed);
      figures.add(night);
      sink.accept(night);
    }
    return figures;
  }

  /** Per theme × language, how many of its escalations each cluster holds tonight (sorted by cluster id). */
  private Map<String, Map<String, Integer>> themeCounts(long runId, Map<String, String> themeOf) {
    Map<String, Map<String, Integer>> counts = new HashMap<>();
    jdbc.query("""
        select e.external_id, ca.cluster_id from cluster_assignment ca join escalation e on e.id = ca.escalation_id
        where ca.run_id = ? and ca.cluster_id <> 'unclustered'
        """, rs -> {
          String theme = themeOf.get(rs.getString(1));
          if (theme != null) {
            counts.computeIfAbsent(theme, t -> new TreeMap<>()).merge(rs.getString(2), 1, Integer::sum);
          }
        }, runId);
    return counts;
  }

  /**
   * The largest cluster of each recurring theme × language with at least 50 escalations in the
   * window: where the problem lives tonight.
   */
  private static Map<String, String> homes(Map<String, Map<String, Integer>> counts) {
    Map<String, String> home = new TreeMap<>();
    counts.forEach((theme, clusters) -> clusters.entrySet().stream()
        .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
        .filter(e -> clusters.values().stream().mapToInt(Integer::intValue).sum() >= 50)
        .ifPresent(e -> home.put(theme, e.getKey())));
    return home;
  }

  /** Every cluster holding at least a tenth of a theme × language is one of its places. */
  private static java.util.Set<String> places(Map<String, Integer> clusters) {
    int total = clusters.values().stream().mapToInt(Integer::intValue).sum();
    return clusters.entrySet().stream().filter(e -> e.getValue() * 10 >= total)
        .map(Map.Entry::getKey).collect(java.util.stream.Collectors.toSet());
  }

  /**
   * {@code perDay} escalations a day from {@code from} to {@code to}, weekday-seasonal, plus causes
   * that start and end: every 12 days a new one starts and runs for 8 days.
   */
  private Map<LocalDate, List<GeneratedEscalation>> escalations(LocalDate from, LocalDate to, int perDay, long seed) {
    int days = (int) (to.toEpochDay() - from.toEpochDay()) + 1;
    Map<LocalDate, List<GeneratedEscalation>> byDay = new TreeMap<>();
    new EscalationGenerator().generate(new GeneratorSpec((long) perDay * days, days, seed, to, 0),
        r -> byDay.computeIfAbsent(day(r), d -> new ArrayList<>()).add(r));
    int cause = 0;
    for (LocalDate end = from.plusDays(HISTORY_DAYS + 8L); !end.isAfter(to.plusDays(6)); end = end.plusDays(12)) {
      String prefix = "CAUSE" + (++cause) + "-";
      LocalDate causeEnd = end.isAfter(to) ? to : end;
      new EscalationGenerator().generate(new GeneratorSpec(1, 14, seed + cause, causeEnd, 1, perDay / 8), r -> {
        if (r.planted() && !day(r).isBefore(causeEnd.minusDays(7))) {
          GeneratedEscalation renamed = new GeneratedEscalation(prefix + r.id(), r.created(), r.updated(), r.narrative(),
              r.policy(), r.vendor(), r.market(), r.language(), r.channel(), r.priority(), r.action(), r.outcome(),
              r.theme(), true);
          byDay.computeIfAbsent(day(r), d -> new ArrayList<>()).add(renamed);
        }
      });
    }
    return byDay;
  }

  private void importDays(Map<LocalDate, List<GeneratedEscalation>> byDay, LocalDate from, LocalDate to) {
    Path file = workDir.resolve("day-" + from + ".jsonl");
    try (var out = Files.newBufferedWriter(file)) {
      for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
        for (GeneratedEscalation r : byDay.getOrDefault(d, List.of())) {
          out.write(JSONL.writeValueAsString(r.nativeColumns()));
          out.write('\n');
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    var result = importer.importFile(file, "native", counts -> { });
    if (result.counts().rejected() > 0) {
      throw new IllegalStateException("the generated day " + from + " had rejected rows: " + result.counts());
    }
    try {
      Files.delete(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static LocalDate day(GeneratedEscalation r) {
    return r.created().atZone(ZoneOffset.UTC).toLocalDate();
  }

  private static long size(Path dir) {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (var files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> {
        try {
          return Files.size(f);
        } catch (IOException e) {
          return 0;
        }
      }).sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<MemoryPoolMXBean> heapPools() {
    return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
  }
}
