package com.escalationrca.events;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Events from a CSV file (header {@code date,end,title,kind,where}), as a team keeps its launch
 * calendar: every row read, or kept aside with its line and the reason.
 */
public final class EventImport {

  static final Set<String> HEADER = Set.of("date", "end", "title", "kind", "where");

  private EventImport() {
  }

  /** The events read, and the rows that could not be ("line 4: kind 'launch' is not one of …"). */
  public record Read(List<Event> events, List<String> rejected) {
  }

  public static Read read(Reader in) {
    List<Event> events = new ArrayList<>();
    List<String> rejected = new ArrayList<>();
    try (CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
        .setIgnoreEmptyLines(true).get().parse(in)) {
      if (!csv.getHeaderNames().containsAll(List.of("date", "title"))) {
        throw new IllegalArgumentException("the header must name date and title (and may name end, kind, where); it names "
            + csv.getHeaderNames());
      }
      for (CSVRecord row : csv) {
        try {
          events.add(new Event(0, LocalDate.parse(row.get("date")), date(row, "end"), row.get("title"),
              EventKind.parse(value(row, "kind", "other")), Event.parseScope(value(row, "where", ""))));
        } catch (IllegalArgumentException | DateTimeParseException e) {
          rejected.add("line " + csv.getCurrentLineNumber() + ": " + e.getMessage());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Read(events, rejected);
  }

  private static String value(CSVRecord row, String column, String otherwise) {
    String value = row.isMapped(column) && row.isSet(column) ? row.get(column) : "";
    return value.isBlank() ? otherwise : value;
  }

  private static LocalDate date(CSVRecord row, String column) {
    String value = value(row, column, "");
    return value.isEmpty() ? null : LocalDate.parse(value);
  }
}
