package com.escalationrca.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a source record into an escalation through a mapping, or says in words a person
 * understands why it cannot: the record, the column, the value and what was expected.
 */
public final class RecordValidator {

  private final ImportMapping mapping;
  private final Taxonomy taxonomy;
  private final IngestProperties limits;
  private final List<DateTimeFormatter> dateFormats;

  public RecordValidator(ImportMapping mapping, Taxonomy taxonomy, IngestProperties limits) {
    this.mapping = mapping;
    this.taxonomy = taxonomy;
    this.limits = limits;
    this.dateFormats = mapping.dateFormats().stream()
        .filter(f -> !f.equals("iso")).map(DateTimeFormatter::ofPattern).toList();
  }

  public MappedRecord validate(SourceRecord record) {
    if (record.isMalformed()) {
      return new MappedRecord.Rejected(record, record.position() + ": " + record.malformed());
    }
    try {
      return accept(record);
    } catch (InvalidField e) {
      return new MappedRecord.Rejected(record, record.position() + ": " + e.getMessage());
    }
  }

  private MappedRecord accept(SourceRecord record) {
    for (Map.Entry<String, String> column : record.values().entrySet()) {
      if (column.getValue() != null && column.getValue().indexOf(EscalationSource.INVALID_UTF8) >= 0) {
        throw new InvalidField("'" + column.getKey() + "' contains bytes that are not valid UTF-8");
      }
      if (column.getValue() != null && column.getValue().indexOf('\0') >= 0) {
        throw new InvalidField("'" + column.getKey() + "' contains a NUL character (U+0000), which no text column can store");
      }
    }
    Map<Field, String> fields = new EnumMap<>(Field.class);
    mapping.columns().forEach((field, column) -> fields.put(field, trimmed(record.values().get(column))));

    String id = fields.get(Field.ID);
    if (id == null) {
      throw new InvalidField("'" + mapping.column(Field.ID) + "' is empty; every escalation needs an id");
    }
    String narrative = fields.get(Field.NARRATIVE);
    if (narrative == null) {
      if (mapping.skipWithoutNarrative()) {
        return new MappedRecord.Skipped(record, "no narrative");
      }
      throw new InvalidField("'" + mapping.column(Field.NARRATIVE) + "' is empty; the job analyses narratives");
    }
    checkLength(Field.ID, id, limits.maxFieldLength());
    checkLength(Field.NARRATIVE, narrative, limits.maxNarrativeLength());
    for (Field dimension : Field.DIMENSIONS) {
      checkLength(dimension, fields.get(dimension), limits.maxFieldLength());
    }
    Map<String, String> dimensions = new LinkedHashMap<>();
    mapping.dimensionColumns().forEach((dimension, column) -> {
      String value = trimmed(record.values().get(column));
      if (value != null && value.length() > limits.maxFieldLength()) {
        throw new InvalidField("'" + column + "' is " + value.length() + " characters long; the limit is "
            + limits.maxFieldLength());
      }
      if (value != null) {
        dimensions.put(dimension, taxonomy.canonical(dimension, value));
      }
    });
    Instant created = date(Field.CREATED, fields.get(Field.CREATED), true);
    Instant updated = date(Field.UPDATED, fields.get(Field.UPDATED), false);

    Map<String, String> extra = new LinkedHashMap<>();
    record.values().forEach((column, value) -> {
      if (!mapping.isMapped(column) && value != null && !value.isBlank()) {
        extra.put(column, value);
      }
    });
    Escalation escalation = new Escalation(id, created, updated, narrative,
        dim(fields, Field.POLICY), dim(fields, Field.VENDOR), dim(fields, Field.MARKET),
        dim(fields, Field.LANGUAGE), dim(fields, Field.CHANNEL), dim(fields, Field.PRIORITY),
        dim(fields, Field.ACTION), dim(fields, Field.OUTCOME), dimensions, extra);
    return new MappedRecord.Accepted(record, escalation);
  }

  private String dim(Map<Field, String> fields, Field field) {
    return taxonomy.canonical(field, fields.get(field));
  }

  private void checkLength(Field field, String value, int limit) {
    if (value != null && value.length() > limit) {
      throw new InvalidField("'" + mapping.column(field) + "' is " + value.length()
          + " characters long; the limit is " + limit);
    }
  }

  /** The years an escalation's dates may fall in: PostgreSQL stores far more, but nothing real lies outside. */
  private static final int FIRST_YEAR = 1900;
  private static final int LAST_YEAR = 9999;

  private Instant date(Field field, String value, boolean required) {
    Instant date = parsedDate(field, value, required);
    if (date != null) {
      int year = date.atOffset(ZoneOffset.UTC).getYear();
      if (year < FIRST_YEAR || year > LAST_YEAR) {
        throw new InvalidField("'" + mapping.column(field) + "' is '" + value + "', outside the years " + FIRST_YEAR
            + "–" + LAST_YEAR);
      }
    }
    return date;
  }

  private Instant parsedDate(Field field, String value, boolean required) {
    if (value == null) {
      if (required) {
        throw new InvalidField("'" + mapping.column(field) + "' is empty; a date is required");
      }
      return null;
    }
    if (mapping.dateFormats().contains("iso")) {
      Instant iso = isoDate(value);
      if (iso != null) {
        return iso;
      }
    }
    for (DateTimeFormatter format : dateFormats) {
      try {
        return LocalDate.parse(value, format).atStartOfDay().toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException ignored) {
        // try the next format; the error below lists them all
      }
    }
    throw new InvalidField("'" + mapping.column(field) + "' is '" + value + "', not a date (expected "
        + String.join(" or ", mapping.dateFormats()) + ")");
  }

  /** ISO-8601 instant, offset date-time, local date-time (taken as UTC) or plain date. */
  private static Instant isoDate(String value) {
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException notOffset) {
      try {
        return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException notLocal) {
        try {
          return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notDate) {
          return null;
        }
      }
    }
  }

  private static String trimmed(String value) {
    if (value == null) {
      return null;
    }
    String t = value.strip();
    return t.isEmpty() ? null : t;
  }

  private static final class InvalidField extends RuntimeException {
    InvalidField(String message) {
      super(message, null, false, false);
    }
  }
}
