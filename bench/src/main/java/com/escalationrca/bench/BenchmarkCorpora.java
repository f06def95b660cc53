package com.escalationrca.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.escalationrca.generate.DatasetWriter;
import com.escalationrca.generate.GeneratorSpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Labelled corpora for the clustering benchmark, as files the nightly job imports: the CFPB export
 * as users import it (mapping {@code cfpb}); generated escalations and the Portuguese development
 * set written in the native format into a work folder.
 */
public final class BenchmarkCorpora {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Path dir;

  /** Generated and converted files are written into {@code dir}. */
  public BenchmarkCorpora(Path dir) {
    this.dir = dir;
  }

  /** Generated escalations over 28 days; gold label: the planted theme (16 themes, written in 3 languages). */
  public LabelledCorpus generated(int escalations, long seed) {
    Path file = dir.resolve("generated-" + escalations + ".jsonl");
    new DatasetWriter().write(new GeneratorSpec(escalations, 28, seed, LocalDate.of(2026, 11, 20), 2), file);
    Map<String, String> themes = new LinkedHashMap<>();
    try (BufferedReader labels = Files.newBufferedReader(DatasetWriter.labelsFile(file), StandardCharsets.UTF_8)) {
      labels.lines().skip(1).map(l -> l.split(",", 2)).forEach(p -> themes.put(p[0], p[1]));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> narratives = new LinkedHashMap<>();
    LocalDate[] span = {LocalDate.MAX, LocalDate.MIN};
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      in.lines().forEach(line -> {
        JsonNode row = JSON.readTree(line);
        narratives.put(row.get("id").asString(), row.get("narrative").asString());
        LocalDate day = Instant.parse(row.get("created").asString()).atZone(ZoneOffset.UTC).toLocalDate();
        span[0] = day.isBefore(span[0]) ? day : span[0];
        span[1] = day.isAfter(span[1]) ? day : span[1];
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new LabelledCorpus("generated themes (" + escalations + ")", file, "native", span[0], span[1], narratives,
        Map.of("generated themes (" + escalations + ")", themes));
  }

  /** The CFPB export's complaints with a narrative, imported as users import it; gold: Issue, then Product. */
  public LabelledCorpus cfpb(Path file) {
    List<CfpbComplaint> complaints = CfpbComplaint.read(file);
    Map<String, String> narratives = new LinkedHashMap<>();
    Map<String, String> issues = new LinkedHashMap<>();
    Map<String, String> products = new LinkedHashMap<>();
    for (CfpbComplaint c : complaints) {
      narratives.put(c.id(), c.narrative());
      issues.put(c.id(), c.issue());
      products.put(c.id(), c.product());
    }
    Map<String, Map<String, String>> golds = new LinkedHashMap<>();
    golds.put("CFPB by Issue", issues);
    golds.put("CFPB by Product", products);
    return new LabelledCorpus("CFPB", file, "cfpb", first(complaints), last(complaints), narratives, golds);
  }

  /**
   * The Portuguese development set, every complaint imported (the product as policy, the company as
   * vendor), scored against label_fine where its author picked one. Evaluation only: the converted
   * file stays in the work folder.
   */
  public LabelledCorpus reclameAqui(Path source) {
    List<CfpbComplaint> complaints = CfpbComplaint.readReclameAqui(source);
    Path file = dir.resolve("reclameaqui.jsonl");
    Map<String, String> narratives = new LinkedHashMap<>();
    Map<String, String> fine = new LinkedHashMap<>();
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (CfpbComplaint c : complaints) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("id", c.id());
        row.put("created", c.received().atTime(12, 0).toInstant(ZoneOffset.UTC).toString());
        row.put("narrative", c.narrative());
        row.put("policy", c.product());
        row.put("vendor", c.company());
        out.write(JSON.writeValueAsString(row));
        out.newLine();
        narratives.put(c.id(), c.narrative());
        if (!c.issue().equals(CfpbComplaint.NO_LABEL)) {
          fine.put(c.id(), c.issue());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new LabelledCorpus("ReclameAqui", file, "native", first(complaints), last(complaints), narratives,
        Map.of("ReclameAqui by label_fine", fine));
  }

  private static LocalDate first(List<CfpbComplaint> complaints) {
    return complaints.stream().map(CfpbComplaint::received).min(Comparator.naturalOrder()).orElseThrow();
  }

  private static LocalDate last(List<CfpbComplaint> complaints) {
    return complaints.stream().map(CfpbComplaint::received).max(Comparator.naturalOrder()).orElseThrow();
  }
}
