package com.escalationrca.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.escalationrca.EscalationRcaApplication;
import com.escalationrca.TestFolders;
import com.escalationrca.ingest.EscalationImporter;
import com.escalationrca.job.NightlyRunLauncher;
import com.escalationrca.store.StorageProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A few nights of the soak benchmark, small: every night runs, and the clusters keep their ids. */
@SpringBootTest(classes = EscalationRcaApplication.class)
class NightsBenchmarkTest {

  private static final Path ROOT = TestFolders.temporary("rca-nights-");

  @DynamicPropertySource
  static void storage(DynamicPropertyRegistry registry) {
    TestFolders.storage(registry, ROOT);
  }

  @Autowired
  EscalationImporter importer;
  @Autowired
  NightlyRunLauncher launcher;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  StorageProperties storage;

  @Test
  void nightAfterNightEveryRunCompletesAndTheProblemsKeepTheirClustersAndIds() throws Exception {
    Path work = Files.createDirectories(ROOT.resolve("work"));

    List<NightsBenchmark.Night> nights = new NightsBenchmark(importer, launcher, jdbc, storage.indexDir(), work)
        .run(4, 150, 1, night -> { });

    assertThat(nights).extracting(NightsBenchmark.Night::night).containsExactly(1, 2, 3, 4);
    assertThat(nights.get(0).clusters()).isPositive();
    assertThat(nights.get(0).newClusters()).isEqualTo(nights.get(0).clusters());
    assertThat(nights.subList(1, 4)).allSatisfy(night -> {
      assertThat(night.kept() + night.newClusters()).isEqualTo(night.clusters());
      assertThat(night.newClusters()).as("new clusters on night %d", night.night()).isLessThanOrEqualTo(1);
      assertThat(night.rehomed()).as("themes rehomed on night %d", night.night()).isEmpty();
    });
    assertThat(nights).allSatisfy(night -> assertThat(night.seconds()).isPositive());
    // The daily import files are removed once imported.
    try (var left = Files.list(work)) {
      assertThat(left).isEmpty();
    }
  }
}
