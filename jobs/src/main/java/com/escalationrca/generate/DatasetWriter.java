package com.escalationrca.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a generated dataset: the rows (JSONL, or CSV when the file ends in .csv), the planted
 * causes in {@code FILE.truth.json}, and each row's theme in {@code FILE.labels.csv} (gold labels
 * for clustering benchmarks). Rows stream straight to disk.
 */
public final class DatasetWriter {

  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(SerializationFeature.INDENT_OUTPUT).build();
  private static final ObjectMapper JSONL = JsonMapper.builder().build();

  public GroundTruth write(GeneratorSpec spec, Path out) {
    boolean csv = out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
    try {
      if (out.toAbsolutePath().getParent() != null) {
        Files.createDirectories(out.toAbsolutePath().getParent());
      }
      try (BufferedWriter data = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
           CSVPrinter labels = CSVFormat.RFC4180.builder().setHeader("id", "theme", "planted").get()
               .print(Files.newBufferedWriter(labelsFile(out), StandardCharsets.UTF_8))) {
        CSVPrinter rows = csv ? CSVFormat.RFC4180.builder().setHeader(NATIVE_COLUMNS).get().print(data) : null;
        GroundTruth truth = new EscalationGenerator().generate(spec, e -> {
          try {
            writeRow(e.nativeColumns(), data, rows);
            labels.printRecord(e.id(), e.theme(), e.planted());
          } catch (IOException ex) {
            throw new UncheckedIOException(ex);
          }
        });
        if (rows != null) {
          rows.flush();
        }
        JSON.writeValue(truthFile(out).toFile(), truth);
        return truth;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
    }
  }

  private static final String[] NATIVE_COLUMNS = {"id", "created", "updated", "narrative", "policy",
      "vendor", "market", "language", "channel", "priority", "action", "outcome"};

  private static void writeRow(Map<String, String> row, Writer data, CSVPrinter csv) throws IOException {
    if (csv != null) {
      csv.printRecord(List.copyOf(row.values()));
    } else {
      data.write(JSONL.writeValueAsString(row));
      data.write('\n');
    }
  }

  public static Path truthFile(Path data) {
    return data.resolveSibling(data.getFileName() + ".truth.json");
  }

  public static Path labelsFile(Path data) {
    return data.resolveSibling(data.getFileName() + ".labels.csv");
  }
}
