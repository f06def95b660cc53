package com.escalationrca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.escalationrca.generate.DatasetWriter;
import com.escalationrca.generate.GeneratorSpec;
import com.escalationrca.index.EscalationSearcher;
import com.escalationrca.ingest.EscalationImporter;
import com.escalationrca.job.NightlyRunLauncher;
import com.escalationrca.retain.RetentionProperties;
import com.escalationrca.retain.Retention;
import com.escalationrca.run.RunProperties;
import com.escalationrca.store.StorageProperties;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Two nights a month apart, with retention on and a Pushgateway listening: the second night purges
 * the first one's run, report and old escalations (database and index), keeps what its window
 * needs, and each night pushes its metrics to the gateway, a real HTTP server started here.
 */
@SpringBootTest(classes = EscalationRcaApplication.class)
class RetentionAndMetricsTest {

  private static final Path ROOT = TestFolders.temporary("rca-retention-");
  private static final LocalDate FIRST = LocalDate.of(2026, 1, 31);
  private static final LocalDate SECOND = FIRST.plusDays(35);
  private static final List<String> PUSHES = new CopyOnWriteArrayList<>();
  private static final HttpServer GATEWAY = gateway();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    TestFolders.storage(registry, ROOT);
    registry.add("rca.retention.run-days", () -> "20");
    registry.add("rca.retention.analysis-days", () -> "50");
    registry.add("rca.retention.escalation-days", () -> "40");
    // The first night removes 15 of 90 days, the second 35 of the 75 left: both confirmed by the share.
    registry.add("rca.retention.max-purge-fraction", () -> "0.6");
    registry.add("rca.metrics.pushgateway-url", () -> "http://localhost:" + GATEWAY.getAddress().getPort() + "/");
  }

  @Autowired
  EscalationImporter importer;
  @Autowired
  NightlyRunLauncher launcher;
  @Autowired
  JdbcTemplate jdbc;

  /** A Pushgateway stand-in: records what it is sent, answers 200. */
  private static HttpServer gateway() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
      server.createContext("/", exchange -> {
        PUSHES.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + "\n"
            + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        exchange.sendResponseHeaders(200, -1);
        exchange.close();
      });
      server.start();
      return server;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterAll
  static void stopGateway() {
    GATEWAY.stop(0);
  }

  @Test
  void theSecondNightPurgesTheFirstOnesRunReportAndOldEscalationsAndBothPushTheirMetrics() throws Exception {
    Path data = ROOT.resolve("escalations.jsonl");
    new DatasetWriter().write(new GeneratorSpec(2500, 90, 3, SECOND, 1), data);
    importer.importFile(data, "native", c -> { });
    Outcomes.completed(launcher.run(FIRST, false, false));
    assertThat(ROOT.resolve("reports").resolve(FIRST.toString())).isDirectory();
    long total = jdbc.queryForObject("select count(*) from escalation", Long.class);

    NightlyRunLauncher.RunOutcome second = launcher.run(SECOND, false, false);

    Outcomes.completed(second);
    assertThat(second.retention()).startsWith("removed 1 runs, 1 report folders, ").contains("(kept from " + SECOND + " back)")
        .doesNotContain("refused");
    // Runs: the first night (35 days back) is gone, with its rows, job records and report.
    assertThat(jdbc.queryForList("select run_date from rca_run", LocalDate.class)).containsExactly(SECOND);
    assertThat(jdbc.queryForObject("select count(distinct run_id) from cluster_assignment", Long.class)).isEqualTo(1);
    assertThat(jdbc.queryForObject("select count(*) from batch_job_instance", Long.class)).isEqualTo(1);
    assertThat(ROOT.resolve("reports").resolve(FIRST.toString())).doesNotExist();
    assertThat(ROOT.resolve("reports").resolve(SECOND.toString())).isDirectory();
    // Escalations older than 40 days are gone from the database and the index; the window is whole.
    LocalDate oldest = SECOND.minusDays(40);
    long kept = jdbc.queryForObject("select count(*) from escalation", Long.class);
    assertThat(kept).isLessThan(total).isPositive();
    assertThat(jdbc.queryForObject("select count(*) from escalation where created_at < ?::date", Long.class,
        oldest.toString())).isZero();
    assertThat(jdbc.queryForObject("select count(*) from narrative_analysis a join escalation e on e.id = a.escalation_id"
        + " where e.created_at < ?::date", Long.class, oldest.toString())).isZero();
    assertThat(jdbc.queryForObject("select count(*) from narrative_analysis a join escalation e on e.id = a.escalation_id"
        + " where e.created_at >= ?::date", Long.class, SECOND.minusDays(27).toString())).isPositive();
    try (EscalationSearcher searcher = EscalationSearcher.open(ROOT.resolve("data").resolve("index"))) {
      assertThat(searcher.count("*:*")).isEqualTo(kept);
    }

    // Each night pushed its metrics to the gateway, in the Prometheus text format.
    assertThat(PUSHES).hasSize(2).allSatisfy(push -> assertThat(push).startsWith("PUT /metrics/job/escalation-rca/instance/")
        .contains("rca_run_success 1.0", "rca_step_duration_seconds{step=\"analyzeStep\"}",
            "rca_step_items{step=\"embedStep\"}", "rca_run_findings ", "rca_run_causes ", "rca_run_last_success"));
  }

  @Test
  void keepingAnalysesShorterThanTheWindowIsAConfigurationErrorThatSaysWhy() {
    assertThatThrownBy(() -> new Retention(jdbc, new RetentionProperties(0, 10, 10, 0.2), new RunProperties(28, 500, 2000, 2, 30),
        new StorageProperties(ROOT, ROOT)))
        .hasMessageContaining("rca.retention.analysis-days is 10, shorter than the analysis window");
  }
}
