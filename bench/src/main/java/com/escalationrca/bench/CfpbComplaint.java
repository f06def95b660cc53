package com.escalationrca.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * One complaint of the US CFPB export that carries a narrative, with the columns the benchmarks
 * use: Issue and Product as gold labels, and the columns {@code config/mappings/cfpb.yml} maps to
 * dimensions (Issue → policy, Company → vendor, State → market, Submitted via → channel, Company
 * response → outcome).
 */
public record CfpbComplaint(String id, LocalDate received, String narrative, String product, String issue,
                            String company, String state, String channel, String response) {

  /**
   * The Brazilian Portuguese development set ({@code reclameaqui-santander.csv}: id, created, text,
   * label_fine, label_coarse, company) in the same shape: label_fine is the issue (the problem the
   * author picked; "(no label)" where empty), label_coarse the product, the creation day the day
   * received. Evaluation only: the file is not the project's to copy.
   */
  public static List<CfpbComplaint> readReclameAqui(Path file) {
    List<CfpbComplaint> complaints = new ArrayList<>();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (CSVRecord row : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
        String text = row.get("text");
        if (!text.isBlank()) {
          String fine = row.get("label_fine").isBlank() ? NO_LABEL : row.get("label_fine");
          String coarse = row.get("label_coarse").isBlank() ? NO_LABEL : row.get("label_coarse");
          complaints.add(new CfpbComplaint(row.get("id"), LocalDate.parse(row.get("created").substring(0, 10)), text,
              coarse, fine, row.get("company"), null, null, null));
        }
      }
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("cannot read the ReclameAqui file " + file + ": " + e.getMessage(), e);
    }
    return complaints;
  }

  /** The issue or product of a complaint whose author picked none. */
  public static final String NO_LABEL = "(no label)";

  /** Every complaint of the file with a narrative, in file order. */
  public static List<CfpbComplaint> read(Path file) {
    List<CfpbComplaint> complaints = new ArrayList<>();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (CSVRecord row : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
        String narrative = row.get("Consumer complaint narrative");
        if (!narrative.isBlank()) {
          complaints.add(new CfpbComplaint(row.get("Complaint ID"), LocalDate.parse(row.get("Date received")),
              narrative, row.get("Product"), row.get("Issue"), row.get("Company"), row.get("State"),
              row.get("Submitted via"), row.get("Company response to consumer")));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the CFPB export " + file + ": " + e.getMessage(), e);
    }
    return complaints;
  }

  /** The dimensions an import with the {@code cfpb} mapping would store. */
  public java.util.Map<String, String> dimensions() {
    java.util.Map<String, String> d = new java.util.HashMap<>();
    d.put("policy", issue);
    d.put("vendor", company);
    d.put("market", state);
    d.put("channel", channel);
    d.put("outcome", response);
    d.values().removeIf(v -> v == null || v.isBlank());
    return d;
  }
}
