package com.escalationrca.ingest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import tools.jackson.databind.json.JsonMapper;

/**
 * Import files as ticketing exports get them wrong: CSV and JSONL in the native mapping's columns,
 * whose rows carry broken quoting, wrong field counts, NUL bytes, invalid UTF-8 or Latin-1 bytes,
 * huge fields, dates out of range or not dates, empty and duplicate ids, beside good rows.
 */
final class BadImportFiles {

  static final List<String> COLUMNS = List.of("id", "created", "narrative", "policy", "vendor", "market", "language");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private BadImportFiles() {
  }

  /** A generated file: its name (the extension says the format), bytes, and rows as written. */
  record File(String name, byte[] bytes, int rows, boolean wellFormed) {

    @Override
    public String toString() {
      String text = new String(bytes, StandardCharsets.UTF_8);
      return name + " (" + bytes.length + " bytes, " + rows + " rows): "
          + (text.length() > 600 ? text.substring(0, 600) + "…" : text);
    }
  }

  static Arbitrary<File> files() {
    return Arbitraries.oneOf(csv(), jsonl());
  }

  static Arbitrary<String> ids() {
    return Arbitraries.oneOf(
        Arbitraries.integers().between(1, 40).map(i -> "ESC-" + i), // small range: duplicates
        Arbitraries.just(""), Arbitraries.just("   "),
        Arbitraries.strings().ofMinLength(1).ofMaxLength(12),
        Arbitraries.strings().withChars('x').ofLength(300),
        Arbitraries.just("ESC-\u0000-1"));
  }

  static Arbitrary<String> dates() {
    return Arbitraries.oneOf(
        Arbitraries.integers().between(1, 28).map(d -> "2026-11-" + String.format("%02d", d)),
        Arbitraries.just("2026-11-20T10:15:30Z"), Arbitraries.just("2026-11-20T10:15:30+05:30"),
        Arbitraries.just("+294277-01-01"), Arbitraries.just("+999999999-12-31T23:59:59Z"),
        Arbitraries.just("-4714-01-01"), Arbitraries.just("0000-01-01"), Arbitraries.just("1899-12-31"),
        Arbitraries.just("2026-02-30"), Arbitraries.just("yesterday"), Arbitraries.just(""),
        Arbitraries.strings().ofMaxLength(20));
  }

  static Arbitrary<String> texts() {
    return Arbitraries.oneOf(
        Arbitraries.of("The account posted my home address", "Conta publicou meu endereço residencial",
            "Cuenta con \"comillas\", comas, y\nsaltos de línea", "emoji 🚨 and ünïcödé"),
        Arbitraries.just(""),
        Arbitraries.strings().ofMaxLength(40),
        Arbitraries.strings().all().ofMaxLength(30), // every code point: NUL, surrogates, controls
        Arbitraries.strings().withChars('a', ' ').ofLength(33_000), // past the narrative limit
        Arbitraries.just("text with a NUL \u0000 in it"));
  }

  static Arbitrary<Map<String, String>> rows() {
    return Combinators.combine(ids(), dates(), texts(), texts(), texts(), texts(), texts())
        .as((id, created, narrative, policy, vendor, market, language) -> {
          Map<String, String> row = new java.util.LinkedHashMap<>();
          row.put("id", id);
          row.put("created", created);
          row.put("narrative", narrative);
          row.put("policy", policy.length() > 40 ? "spam" : policy);
          row.put("vendor", vendor.length() > 40 ? "Atlas Review" : vendor);
          row.put("market", market.length() > 40 ? "BR" : market);
          row.put("language", language.length() > 40 ? "pt-BR" : language);
          return row;
        });
  }

  /** How a row's bytes go wrong after it is written: not at all, Latin-1, a stray invalid byte. */
  enum Encoding { UTF8, LATIN1, INVALID_BYTE }

  private static Arbitrary<File> csv() {
    Arbitrary<String> line = Combinators.combine(rows(), Arbitraries.of(CsvDamage.values()))
        .as((row, damage) -> damage.apply(row));
    return Combinators.combine(line.list().ofMaxSize(12), Arbitraries.of(Encoding.values()))
        .as((lines, encoding) -> {
          String text = String.join(",", COLUMNS) + "\r\n" + lines.stream().map(l -> l + "\r\n").collect(Collectors.joining());
          boolean wellFormed = lines.stream().noneMatch(CsvDamage::broke);
          return new File("export.csv", encode(text, encoding), lines.size(), wellFormed);
        });
  }

  /** What happens to one CSV row. */
  enum CsvDamage {
    NONE, UNBALANCED_QUOTE, MISSING_FIELD, EXTRA_FIELD;

    private static final String BROKEN = "\u0001broken";

    String apply(Map<String, String> row) {
      List<String> cells = new ArrayList<>(row.values().stream().map(CsvDamage::quoted).toList());
      switch (this) {
        case UNBALANCED_QUOTE -> cells.set(2, "\"" + row.get("narrative").replace("\"", ""));
        case MISSING_FIELD -> cells.remove(cells.size() - 1);
        case EXTRA_FIELD -> cells.add("surplus");
        default -> { }
      }
      String line = String.join(",", cells);
      return this == UNBALANCED_QUOTE ? BROKEN + line : line;
    }

    static boolean broke(String line) {
      return line.startsWith(BROKEN);
    }

    private static String quoted(String value) {
      return "\"" + value.replace("\"", "\"\"") + "\"";
    }
  }

  private static Arbitrary<File> jsonl() {
    Arbitrary<String> line = Arbitraries.oneOf(
        rows().map(row -> JSON.writeValueAsString(row)),
        rows().map(row -> JSON.writeValueAsString(row).replace("}", "")), // cut short
        Arbitraries.of("[1,2,3]", "\"just a string\"", "null", "{\"id\": {\"nested\": true}, \"created\": 5}",
            "{\"id\": \"ESC-1\", \"narrative\": \"n\", \"created\": \"2026-11-01\", \"id\": \"ESC-2\"}"),
        Arbitraries.strings().ofMaxLength(30).filter(s -> !s.contains("\n") && !s.contains("\r")));
    return Combinators.combine(line.list().ofMaxSize(12), Arbitraries.of(Encoding.values()))
        .as((lines, encoding) -> new File("export.jsonl",
            encode(lines.stream().map(l -> l + "\n").collect(Collectors.joining()), encoding), lines.size(), true));
  }

  private static byte[] encode(String text, Encoding encoding) {
    String clean = text.replace(CsvDamage.BROKEN, "");
    return switch (encoding) {
      case UTF8 -> clean.getBytes(StandardCharsets.UTF_8);
      case LATIN1 -> clean.getBytes(StandardCharsets.ISO_8859_1);
      case INVALID_BYTE -> {
        byte[] bytes = clean.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 10) {
          bytes[bytes.length / 2] = (byte) 0xC3;
          bytes[bytes.length / 2 + 1] = (byte) 0x28;
        }
        yield bytes;
      }
    };
  }
}
