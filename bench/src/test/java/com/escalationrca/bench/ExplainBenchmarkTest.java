package com.escalationrca.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.escalationrca.EscalationRcaApplication;
import com.escalationrca.TestFolders;
import com.escalationrca.explain.ExplainEngine;
import com.escalationrca.ingest.EscalationImporter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(classes = EscalationRcaApplication.class)
class ExplainBenchmarkTest {

  private static final Path ROOT = TestFolders.temporary("rca-bench-explain-");

  @DynamicPropertySource
  static void storage(DynamicPropertyRegistry registry) {
    TestFolders.storage(registry, ROOT);
  }

  @Autowired
  EscalationImporter importer;
  @Autowired
  ExplainEngine engine;
  @Autowired
  JdbcTemplate jdbc;

  @Test
  void aLargePlantIsNamedFirstWithMostOfItsExcessAndEachDatasetIsAskedAlone() throws Exception {
    ExplainBenchmark bench = new ExplainBenchmark(importer, engine, jdbc, Files.createDirectories(ROOT.resolve("files")));

    ExplainBenchmark.Outcome planted = bench.run(4000, 100, 11);
    ExplainBenchmark.Outcome nothing = bench.run(4000, 0, 12);

    assertThat(planted.foundAt()).isBetween(1, ExplainBenchmark.TOP);
    assertThat(planted.excessShare()).isGreaterThanOrEqualTo(0.5);
    assertThat(planted.seconds()).isPositive();
    assertThat(planted.groupBySeconds()).isPositive();
    assertThat(nothing.foundAt()).isZero();
    // The second dataset replaced the first.
    assertThat(jdbc.queryForObject("select count(*) from escalation", Long.class)).isEqualTo(4000);
  }

  @Test
  void aVendorThatStoppedEscalatingIsTheFirstExplanationOfTheDip() throws Exception {
    ExplainBenchmark bench = new ExplainBenchmark(importer, engine, jdbc, Files.createDirectories(ROOT.resolve("files")));

    ExplainBenchmark.Outcome drop = bench.drop(4000, 13);

    assertThat(drop.foundAt()).as(drop.note()).isEqualTo(1);
    assertThat(drop.excessShare()).isGreaterThanOrEqualTo(0.5);
  }
}
