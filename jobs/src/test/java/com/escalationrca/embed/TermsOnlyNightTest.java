package com.escalationrca.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import com.escalationrca.EscalationRcaApplication;
import com.escalationrca.Outcomes;
import com.escalationrca.TestFolders;
import com.escalationrca.generate.DatasetWriter;
import com.escalationrca.generate.GeneratorSpec;
import com.escalationrca.ingest.EscalationImporter;
import com.escalationrca.job.NightlyRunLauncher;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code rca.embed.model: none}, as documented: every narrative is clustered by its terms. The embed
 * step once failed every such night (its empty-language placeholder was a NUL, which PostgreSQL refuses).
 */
@SpringBootTest(classes = EscalationRcaApplication.class)
class TermsOnlyNightTest {

  private static final Path ROOT = TestFolders.temporary("rca-terms-only-");
  private static final LocalDate RUN_DATE = LocalDate.of(2026, 3, 1);

  @DynamicPropertySource
  static void configuration(DynamicPropertyRegistry registry) {
    TestFolders.storage(registry, ROOT);
    registry.add("rca.embed.model", () -> EmbedProperties.NONE);
  }

  @Autowired
  EscalationImporter importer;
  @Autowired
  NightlyRunLauncher launcher;
  @Autowired
  JdbcTemplate jdbc;

  @Test
  void aNightWithoutAnEmbeddingModelCompletesAndClustersEveryNarrativeByItsTerms() throws Exception {
    Path data = ROOT.resolve("generated.jsonl");
    new DatasetWriter().write(new GeneratorSpec(600, 42, 5, RUN_DATE, 0, 0, List.of()), data);
    importer.importFile(data, "native", c -> { });

    Outcomes.completed(launcher.run(RUN_DATE, false, false));

    assertThat(jdbc.queryForObject("select count(*) from narrative_embedding", Long.class)).isZero();
    assertThat(jdbc.queryForObject("select count(*) from cluster_assignment", Long.class)).isPositive();
  }
}
