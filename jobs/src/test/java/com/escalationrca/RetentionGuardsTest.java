package com.escalationrca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;

import com.escalationrca.generate.DatasetWriter;
import com.escalationrca.generate.GeneratorSpec;
import com.escalationrca.index.EscalationSearcher;
import com.escalationrca.index.IndexRebuilder;
import com.escalationrca.ingest.EscalationImporter;
import com.escalationrca.job.NightlyRunLauncher;
import com.escalationrca.retain.Retention;
import com.escalationrca.retain.RetentionProperties;
import com.escalationrca.run.FutureRunDateException;
import com.escalationrca.run.RunProperties;
import com.escalationrca.store.StorageProperties;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The destructive paths are guarded: a run dated in the future is refused before it starts,
 * retention counts back from the newest escalation (so a wrong date cannot purge everything), a
 * purge of more than max-purge-fraction waits for a confirmation, and reindex covers escalations
 * that have no analysis.
 */
@SpringBootTest(classes = EscalationRcaApplication.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RetentionGuardsTest {

  private static final Path ROOT = TestFolders.temporary("rca-retention-guards-");
  private static final LocalDate NEWEST = LocalDate.of(2026, 3, 31);
  private static final RunProperties RUN = new RunProperties(28, 500, 2000, 2, 30);

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    TestFolders.storage(registry, ROOT);
  }

  @Autowired
  EscalationImporter importer;
  @Autowired
  IndexRebuilder rebuilder;
  @Autowired
  NightlyRunLauncher launcher;
  @Autowired
  JdbcTemplate jdbc;

  @Test
  @Order(1)
  void reindexCoversEveryEscalationKeptEvenWithoutAnAnalysis() {
    Path data = ROOT.resolve("escalations.jsonl");
    new DatasetWriter().write(new GeneratorSpec(1200, 60, 5, NEWEST, 0), data);
    importer.importFile(data, "native", c -> { });
    assertThat(jdbc.queryForObject("select count(*) from narrative_analysis", Long.class)).isZero();

    assertThat(rebuilder.rebuild()).isEqualTo(escalations());
    assertThat(indexed()).isEqualTo(escalations());
  }

  @Test
  @Order(2)
  void aRunDateInTheFuturePurgesNoMoreThanTheNewestEscalationsDateWould() {
    long total = escalations();
    long older = olderThan(NEWEST.minusDays(50));
    assertThat(older).isPositive().isLessThan(total / 5);

    Retention.Purged purged = retention(50, 0.2).purge(LocalDate.of(2062, 6, 1), -1, false);

    assertThat(purged.reference()).isEqualTo(NEWEST);
    assertThat(purged.refused()).isEmpty();
    assertThat(purged.escalations()).isEqualTo(older);
    assertThat(escalations()).isEqualTo(total - older);
    assertThat(indexed()).isEqualTo(total - older);
    assertThat(purged.summary()).startsWith("removed 0 runs, 0 report folders, 0 analyses, ")
        .endsWith(" escalations (kept from " + NEWEST + " back)");
  }

  @Test
  @Order(3)
  void aPurgeOfMoreThanTheMaximumShareIsRefusedAndReportedUntilConfirmed() {
    long total = escalations();
    long older = olderThan(NEWEST.minusDays(30));
    assertThat(older).isGreaterThan(total / 5);

    Retention.Purged refused = retention(30, 0.2).purge(NEWEST, -1, false);

    assertThat(refused.escalations()).isZero();
    assertThat(escalations()).isEqualTo(total);
    assertThat(indexed()).isEqualTo(total);
    assertThat(refused.refused()).singleElement().asString()
        .startsWith(String.format("would remove %,d of %,d escalations (", older, total))
        .contains("more than rca.retention.max-purge-fraction (20 %) allows in one night",
            "nothing of them was removed", "--confirm-purge");

    Retention.Purged confirmed = retention(30, 0.2).purge(NEWEST, -1, true);

    assertThat(confirmed.refused()).isEmpty();
    assertThat(confirmed.escalations()).isEqualTo(older);
    assertThat(escalations()).isEqualTo(total - older);
    assertThat(indexed()).isEqualTo(total - older);
  }

  @Test
  @Order(4)
  void theLauncherRefusesARunDatedAfterTomorrowBeforeTakingAnything() {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    long runs = jdbc.queryForObject("select count(*) from batch_job_instance", Long.class);

    assertThatThrownBy(() -> launcher.run(today.plusDays(2), false, false))
        .isInstanceOf(FutureRunDateException.class)
        .hasMessage("the run date " + today.plusDays(2) + " is in the future (today is " + today
            + " UTC; the latest run date allowed is " + today.plusDays(1) + "): check the date");
    assertThatThrownBy(() -> launcher.run(LocalDate.of(2062, 6, 1), false, true))
        .isInstanceOf(FutureRunDateException.class);
    assertThat(jdbc.queryForObject("select count(*) from batch_job_instance", Long.class)).isEqualTo(runs);
  }

  @Test
  void keepingAnalysesForLessTimeThanEscalationsIsAConfigurationErrorThatSaysWhy() {
    assertThatThrownBy(() -> new RetentionProperties(0, 40, 60, 0.2))
        .hasMessage("rca.retention.analysis-days is 40, less than rca.retention.escalation-days (60): analyses must"
            + " be kept at least as long as the escalations they describe");
    assertThatThrownBy(() -> new RetentionProperties(0, 40, 0, 0.2))
        .hasMessageContaining("less than rca.retention.escalation-days (0: for ever)");
    assertThatThrownBy(() -> new RetentionProperties(0, 0, 40, 1.5))
        .hasMessageContaining("rca.retention.max-purge-fraction is 1.5");
    assertThat(new RetentionProperties(0, 60, 40, 0.2).analysisDays()).isEqualTo(60);
  }

  private Retention retention(int escalationDays, double maxPurgeFraction) {
    return new Retention(jdbc, new RetentionProperties(0, 0, escalationDays, maxPurgeFraction), RUN,
        new StorageProperties(ROOT.resolve("data"), ROOT.resolve("reports")));
  }

  private long escalations() {
    return jdbc.queryForObject("select count(*) from escalation", Long.class);
  }

  private long olderThan(LocalDate day) {
    return jdbc.queryForObject("select count(*) from escalation where created_at < ?::date", Long.class, day.toString());
  }

  private static long indexed() {
    try (EscalationSearcher searcher = EscalationSearcher.open(ROOT.resolve("data").resolve("index"))) {
      return searcher.count("*:*");
    }
  }
}
