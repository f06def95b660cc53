package com.escalationrca.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

import com.escalationrca.EscalationRcaApplication;
import com.escalationrca.TestFolders;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Generated bad files through the real import into a real PostgreSQL: the import never fails on a
 * record, its counts add up and match what was read, every rejected row is kept with its reason,
 * and every accepted escalation is stored.
 */
class ImportIntoPostgresProperties {

  private static final Path ROOT = TestFolders.temporary("rca-bad-import-");
  private static ConfigurableApplicationContext context;

  @BeforeContainer
  static void start() {
    context = new SpringApplicationBuilder(EscalationRcaApplication.class).web(WebApplicationType.NONE)
        .run("--rca.storage.data-dir=" + ROOT.resolve("data"), "--rca.storage.reports-dir=" + ROOT.resolve("reports"));
  }

  @AfterContainer
  static void stop() {
    context.close();
  }

  @Provide
  Arbitrary<BadImportFiles.File> files() {
    return BadImportFiles.files();
  }

  @Property(tries = 60)
  void theImportKeepsEveryRecordAcceptedOrRejected(@ForAll("files") BadImportFiles.File file) throws IOException {
    Path path = Files.createTempDirectory(ROOT, "file-").resolve(file.name());
    Files.write(path, file.bytes());
    JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
    long before = jdbc.queryForObject("select count(*) from escalation", Long.class);

    EscalationImporter.ImportResult result = context.getBean(EscalationImporter.class).importFile(path, "native", c -> { });

    ImportCounts counts = result.counts();
    Set<String> accepted = new LinkedHashSet<>();
    long records = 0;
    RecordValidator validator = new RecordValidator(new MappingCatalog(context.getBean(IngestProperties.class)).load("native"),
        context.getBean(Taxonomy.class), context.getBean(IngestProperties.class));
    try (EscalationSource source = EscalationSource.open(path)) {
      while (source.hasNext()) {
        records++;
        if (validator.validate(source.next()) instanceof MappedRecord.Accepted a) {
          accepted.add(a.escalation().externalId());
        }
      }
    }
    assertThat(counts.read()).isEqualTo(records);
    assertThat(jdbc.queryForObject("select count(*) from rejected_row where import_id = ?", Long.class, result.importId()))
        .isEqualTo(counts.rejected());
    assertThat(jdbc.queryForObject("select read from import_run where id = ?", Long.class, result.importId()))
        .isEqualTo(records);
    assertThat(jdbc.queryForObject("select count(*) from escalation where external_id = any(?)", Long.class,
        (Object) accepted.toArray(String[]::new))).isEqualTo(accepted.size());
    assertThat(jdbc.queryForObject("select count(*) from escalation", Long.class) - before).isEqualTo(counts.inserted());
  }
}
