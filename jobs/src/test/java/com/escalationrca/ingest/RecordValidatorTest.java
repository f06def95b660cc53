package com.escalationrca.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RecordValidatorTest {

  private static final Taxonomy TAXONOMY = new Taxonomy(List.of(
      new Taxonomy.Dimension("language", "in language", Map.of("pt", List.of("pt-BR", "por")), true)));

  private static ImportMapping cfpbLike(boolean skipWithoutNarrative) {
    Map<Field, String> columns = new EnumMap<>(Field.class);
    columns.put(Field.ID, "Complaint ID");
    columns.put(Field.NARRATIVE, "Consumer complaint narrative");
    columns.put(Field.CREATED, "Date received");
    columns.put(Field.VENDOR, "Company");
    columns.put(Field.LANGUAGE, "Lang");
    return new ImportMapping("test", columns, List.of("yyyy-MM-dd"), skipWithoutNarrative);
  }

  private static RecordValidator validator(boolean skip) {
    return new RecordValidator(cfpbLike(skip), TAXONOMY,
        new IngestProperties(Path.of("config/mappings"), Path.of("config/taxonomy.yml"), 100, 20, 500));
  }

  private static SourceRecord row(String id, String narrative, String date, String company) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("Complaint ID", id);
    values.put("Consumer complaint narrative", narrative);
    values.put("Date received", date);
    values.put("Company", company);
    values.put("Lang", "pt-BR");
    values.put("Product", "Mortgage");
    return new SourceRecord(7, 8, values, "raw", null);
  }

  @Test
  void acceptsAValidRowFoldsAliasesAndKeepsUnmappedColumnsAsExtra() {
    MappedRecord result = validator(false).validate(row("42", "They reported my address", "2023-07-01", "ACME"));

    assertThat(result).isInstanceOf(MappedRecord.Accepted.class);
    Escalation e = ((MappedRecord.Accepted) result).escalation();
    assertThat(e.externalId()).isEqualTo("42");
    assertThat(e.created()).isEqualTo(Instant.parse("2023-07-01T00:00:00Z"));
    assertThat(e.language()).isEqualTo("pt");
    assertThat(e.extra()).containsEntry("Product", "Mortgage");
  }

  @Test
  void rejectsRowsWithUnparseableDatesAndNamesTheColumnAndValue() {
    MappedRecord result = validator(false).validate(row("42", "text", "2023-13-01", "ACME"));

    assertThat(result).isInstanceOf(MappedRecord.Rejected.class);
    assertThat(((MappedRecord.Rejected) result).reason())
        .isEqualTo("record 7 (line 8): 'Date received' is '2023-13-01', not a date (expected yyyy-MM-dd)");
  }

  @Test
  void rejectsRowsWithoutAnId() {
    MappedRecord result = validator(false).validate(row(" ", "text", "2023-07-01", "ACME"));

    assertThat(((MappedRecord.Rejected) result).reason()).contains("'Complaint ID' is empty");
  }

  @Test
  void rejectsOverLongFieldsWithTheirLength() {
    MappedRecord result = validator(false).validate(row("1", "text", "2023-07-01", "A".repeat(25)));

    assertThat(((MappedRecord.Rejected) result).reason())
        .contains("'Company' is 25 characters long; the limit is 20");
  }

  @Test
  void rejectsInvalidUtf8ThatTheReaderReplaced() {
    MappedRecord result = validator(false).validate(row("1", "caf\uFFFD", "2023-07-01", "ACME"));

    assertThat(((MappedRecord.Rejected) result).reason())
        .contains("'Consumer complaint narrative' contains bytes that are not valid UTF-8");
  }

  @Test
  void skipsRowsWithoutNarrativeWhenTheMappingSaysSoAndRejectsThemOtherwise() {
    assertThat(validator(true).validate(row("1", "", "2023-07-01", "ACME")))
        .isInstanceOf(MappedRecord.Skipped.class);
    assertThat(validator(false).validate(row("1", "", "2023-07-01", "ACME")))
        .isInstanceOf(MappedRecord.Rejected.class);
  }

  @Test
  void countsThatDoNotAddUpAreRefused() {
    org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
        () -> new ImportCounts(10, 5, 1, 1, 1, 1));
  }
}
