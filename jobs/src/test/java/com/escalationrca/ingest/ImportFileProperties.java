package com.escalationrca.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Every record of a generated bad file is accepted, skipped or rejected with a reason that names
 * it; nothing else escapes, nothing is invented, and a well-formed file loses no row. An accepted
 * escalation holds nothing PostgreSQL cannot store (no NUL, dates in its range).
 */
class ImportFileProperties {

  private static final IngestProperties LIMITS = new IngestProperties(Path.of("config/mappings"),
      Path.of("config/taxonomy.yml"), 100, 200, 32_000);
  private static final RecordValidator VALIDATOR = new RecordValidator(new MappingCatalog(LIMITS).load("native"),
      YAMLMapper.builder().build().readValue(Path.of("config/taxonomy.yml").toFile(), Taxonomy.class), LIMITS);

  @Provide
  Arbitrary<BadImportFiles.File> files() {
    return BadImportFiles.files();
  }

  @Property(tries = 400)
  void everyRecordIsAcceptedSkippedOrRejectedNamingItself(@ForAll("files") BadImportFiles.File file) throws IOException {
    Path path = Files.createTempDirectory("rca-bad-").resolve(file.name());
    Files.write(path, file.bytes());
    List<MappedRecord> results = new ArrayList<>();
    try (EscalationSource source = EscalationSource.open(path)) {
      while (source.hasNext()) {
        results.add(VALIDATOR.validate(source.next()));
      }
    } finally {
      Files.delete(path);
      Files.delete(path.getParent());
    }

    assertThat(results).hasSizeLessThanOrEqualTo(file.rows());
    if (file.wellFormed()) {
      assertThat(results).hasSize(nonBlankLines(file));
    }
    for (MappedRecord result : results) {
      assertThat(result.source().lineNumber()).isPositive();
      if (result instanceof MappedRecord.Rejected rejected) {
        assertThat(rejected.reason()).startsWith(result.source().position() + ": ").hasSizeGreaterThan(30);
      } else if (result instanceof MappedRecord.Accepted accepted) {
        Escalation e = accepted.escalation();
        assertThat(e.externalId()).isNotBlank().doesNotContain("\u0000");
        assertThat(e.narrative()).doesNotContain("\u0000");
        assertThat(e.created().atOffset(java.time.ZoneOffset.UTC).getYear()).isBetween(1900, 9999);
        assertThat(String.join("", e.extra().values())).doesNotContain("\u0000");
      }
    }
  }

  /** Rows a well-formed file must yield: its data rows (CSV), its non-blank lines (JSONL). */
  private static int nonBlankLines(BadImportFiles.File file) throws IOException {
    if (file.name().endsWith(".csv")) {
      return file.rows();
    }
    try (var reader = EscalationSource.lenientUtf8(new ByteArrayInputStream(file.bytes()))) {
      return (int) reader.lines().filter(line -> !line.isBlank()).count();
    }
  }
}
