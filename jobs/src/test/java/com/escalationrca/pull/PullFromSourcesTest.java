package com.escalationrca.pull;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.escalationrca.EscalationRcaApplication;
import com.escalationrca.TestFolders;
import com.escalationrca.external.ExternalSystemException;
import com.escalationrca.ingest.ImportCounts;
import com.escalationrca.ingest.ImportLedger;
import com.escalationrca.store.EmbeddedServer;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.AfterAll;
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
 * Pulling escalations from where they live: JIRA Cloud's paged JQL search served by WireMock in
 * the shape JIRA documents (token paging, ADF descriptions, comments, custom-field options, a 429,
 * a 500, a malformed body) and a source database (a second embedded PostgreSQL) with a :since
 * watermark. Both go through the importer: counts add up, bad issues are quarantined with their
 * reason, and a watermark moves only when a pull succeeds.
 */
@SpringBootTest(classes = EscalationRcaApplication.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PullFromSourcesTest {

  private static final Path ROOT = TestFolders.temporary("rca-pull-");
  private static final WireMockServer JIRA = started(new WireMockServer(wireMockConfig().dynamicPort()));
  private static final EmbeddedServer SOURCE_DB = EmbeddedServer.acquire(ROOT.resolve("source-db"));

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    TestFolders.storage(registry, ROOT);
    registry.add("rca.pull.jira.url", JIRA::baseUrl);
    registry.add("rca.pull.jira.user", () -> "bot@example.com");
    registry.add("rca.pull.jira.token", () -> "jira-token");
    registry.add("rca.pull.jira.jql", () -> "project = TS");
    registry.add("rca.pull.jira.page-size", () -> "2");
    registry.add("rca.pull.jira.narrative", () -> "summary,description,comments");
    registry.add("rca.pull.jdbc.url", SOURCE_DB::jdbcUrl);
    registry.add("rca.pull.jdbc.user", () -> "postgres");
    registry.add("rca.pull.jdbc.password", SOURCE_DB::password);
    registry.add("rca.pull.jdbc.query", () -> "select ticket_id as id, opened as created, changed as updated,"
        + " body as narrative, policy, vendor, market from tickets where changed >= :since order by changed");
    registry.add("rca.pull.jdbc.watermark-column", () -> "updated");
    registry.add("rca.http.backoff", () -> "20ms");
    registry.add("rca.http.attempts", () -> "3");
  }

  @Autowired
  Pulls pulls;
  @Autowired
  PullWatermarks watermarks;
  @Autowired
  ImportLedger ledger;
  @Autowired
  JdbcTemplate jdbc;

  private static WireMockServer started(WireMockServer server) {
    server.start();
    return server;
  }

  @AfterAll
  static void stop() {
    JIRA.stop();
    SOURCE_DB.close();
  }

  private static String issue(String key, String updated, String description, String vendor) {
    return """
        {"id": "1%s", "key": "%s", "fields": {
          "summary": "Doxxing report %s",
          "description": %s,
          "created": "2026-11-18T09:00:00.000+0000", "updated": "%s",
          "priority": {"name": "P2", "id": "2"},
          "resolution": null,
          "customfield_10100": {"value": "private_information", "id": "10001"},
          "customfield_10101": %s,
          "customfield_10102": [{"value": "BR"}],
          "comment": {"comments": [{"body": {"type": "doc", "version": 1, "content": [{"type": "paragraph",
            "content": [{"type": "text", "text": "Vendor kept the post up."}]}]}}], "total": 1}
        }}""".formatted(key.substring(3), key, key, description, updated,
        vendor == null ? "null" : "{\"value\": \"" + vendor + "\"}");
  }

  private static String adf(String text) {
    return "{\"type\": \"doc\", \"version\": 1, \"content\": [{\"type\": \"paragraph\", \"content\": [{\"type\": \"text\","
        + " \"text\": \"" + text + "\"}]}]}";
  }

  @Test
  @Order(1)
  void jiraCloudIsReadPageByPageWithRichTextFlattenedAndBadIssuesQuarantined() {
    // Page 1 answers 429 once (Retry-After honoured), then its issues; page 2 is the last.
    JIRA.stubFor(get(urlPathEqualTo("/rest/api/3/search/jql")).withQueryParam("nextPageToken", absent())
        .inScenario("paging").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("ready"));
    JIRA.stubFor(get(urlPathEqualTo("/rest/api/3/search/jql")).withQueryParam("nextPageToken", absent())
        .inScenario("paging").whenScenarioStateIs("ready")
        .willReturn(okJson("{\"issues\": [" + issue("TS-1", "2026-11-19T10:00:00.000+0000",
            adf("The account posted my home address."), "Atlas Review") + ", "
            + issue("TS-2", "2026-11-19T11:00:00.000+0000", "\"Plain text description.\"", "Lumen CX")
            + "], \"nextPageToken\": \"page-2\", \"isLast\": false}")));
    JIRA.stubFor(get(urlPathEqualTo("/rest/api/3/search/jql")).withQueryParam("nextPageToken", equalTo("page-2"))
        .willReturn(okJson("{\"issues\": [" + issue("TS-3", "2026-11-20T08:30:00.000+0000", "null", null) + ", "
            + issue("TS-4", "2026-11-20T09:00:00.000+0000", adf("Threat in replies."), "Atlas Review")
            + ", {\"key\": \"TS-5\", \"fields\": {\"summary\": \"\", \"description\": null, \"created\": \"soon\","
            + " \"updated\": \"2026-11-20T09:30:00.000+0000\"}}], \"isLast\": true}")));

    Pulls.Pulled pulled = pulls.pull(Pulls.JIRA, c -> { });

    // TS-5 has no narrative and no readable date: rejected with its reason; the others imported.
    assertThat(pulled.counts()).isEqualTo(new ImportCounts(5, 4, 0, 0, 0, 1));
    assertThat(ledger.rejections(pulled.importId())).singleElement().asString().contains("record 5");
    Map<String, Object> ts1 = jdbc.queryForMap("select narrative, policy, vendor, market, priority, created_at"
        + " from escalation where external_id = 'TS-1'");
    assertThat(ts1.get("narrative")).isEqualTo("Doxxing report TS-1\n\nThe account posted my home address.\n\n"
        + "Vendor kept the post up.");
    assertThat(ts1.get("policy")).isEqualTo("private_information");
    assertThat(ts1.get("vendor")).isEqualTo("Atlas Review");
    assertThat(ts1.get("market")).isEqualTo("BR");
    assertThat(ts1.get("priority")).isEqualTo("P2");
    assertThat(((java.sql.Timestamp) ts1.get("created_at")).toInstant()).isEqualTo(Instant.parse("2026-11-18T09:00:00Z"));
    assertThat(jdbc.queryForObject("select narrative from escalation where external_id = 'TS-2'", String.class))
        .contains("Plain text description.");
    assertThat(pulled.watermark()).isEqualTo(Instant.parse("2026-11-20T09:30:00Z"));
    assertThat(watermarks.get(Pulls.JIRA)).contains(Instant.parse("2026-11-20T09:30:00Z"));
    var first = JIRA.findAll(getRequestedFor(urlPathEqualTo("/rest/api/3/search/jql"))).get(0);
    assertThat(first.queryParameter("jql").firstValue()).isEqualTo(
        "(project = TS) AND updated >= \"1999-12-31 00:00\" ORDER BY updated ASC");
    assertThat(first.queryParameter("maxResults").firstValue()).isEqualTo("2");
    assertThat(first.getHeader("Authorization")).startsWith("Basic ");
  }

  @Test
  @Order(2)
  void theNextPullStartsFromTheWatermarkAndAFailureLeavesItWhereItWas() {
    JIRA.resetAll();
    JIRA.stubFor(get(urlPathEqualTo("/rest/api/3/search/jql")).willReturn(aResponse().withStatus(500)
        .withBody("{\"errorMessages\": [\"Internal server error\"]}")));

    assertThatThrownBy(() -> pulls.pull(Pulls.JIRA, c -> { })).isInstanceOf(ExternalSystemException.class)
        .hasMessageContaining("answered 500").hasMessageContaining("after 3 attempts");
    assertThat(watermarks.get(Pulls.JIRA)).contains(Instant.parse("2026-11-20T09:30:00Z"));
    assertThat(JIRA.findAll(getRequestedFor(urlPathEqualTo("/rest/api/3/search/jql"))).get(0)
        .queryParameter("jql").firstValue()).contains("updated >= \"2026-11-19 09:30\"");

    JIRA.resetAll();
    JIRA.stubFor(get(urlPathEqualTo("/rest/api/3/search/jql")).willReturn(aResponse().withStatus(200)
        .withBody("<html>Please log in</html>")));
    assertThatThrownBy(() -> pulls.pull(Pulls.JIRA, c -> { })).hasMessageContaining("not JSON");

    JIRA.resetAll();
    JIRA.stubFor(get(urlPathEqualTo("/rest/api/3/search/jql")).willReturn(okJson("{\"issues\": [" + issue("TS-1",
        "2026-11-21T07:00:00.000+0000", adf("The account posted my home address again."), "Atlas Review")
        + "], \"isLast\": true}")));
    Pulls.Pulled again = pulls.pull(Pulls.JIRA, c -> { });
    assertThat(again.counts()).isEqualTo(new ImportCounts(1, 0, 1, 0, 0, 0));
    assertThat(again.watermark()).isEqualTo(Instant.parse("2026-11-21T07:00:00Z"));
  }

  @Test
  @Order(3)
  void aSourceDatabaseIsPulledByItsQueryWithTheSinceWatermark() throws Exception {
    try (Connection source = DriverManager.getConnection(SOURCE_DB.jdbcUrl(), "postgres", SOURCE_DB.password());
         Statement sql = source.createStatement()) {
      sql.execute("""
          create table tickets (ticket_id text primary key, opened timestamptz, changed timestamptz, body text,
            policy text, vendor text, market text);
          insert into tickets values
            ('DB-1', '2026-11-18 09:00+00', '2026-11-18 10:00+00', 'Spam links in replies.', 'spam', 'Lumen CX', 'US'),
            ('DB-2', '2026-11-18 09:00+00', '2026-11-19 10:00+00', 'Impersonation of a brand.', 'impersonation',
              'Atlas Review', 'BR'),
            ('DB-3', '2026-11-19 09:00+00', '2026-11-19 12:00+00', '', 'spam', 'Lumen CX', 'US');
          """);
    }
    Pulls.Pulled first = pulls.pull(Pulls.JDBC, c -> { });
    assertThat(first.counts()).isEqualTo(new ImportCounts(3, 2, 0, 0, 0, 1));
    assertThat(first.watermark()).isEqualTo(Instant.parse("2026-11-19T12:00:00Z"));
    assertThat(jdbc.queryForObject("select vendor from escalation where external_id = 'DB-2'", String.class))
        .isEqualTo("Atlas Review");

    try (Connection source = DriverManager.getConnection(SOURCE_DB.jdbcUrl(), "postgres", SOURCE_DB.password());
         Statement sql = source.createStatement()) {
      sql.execute("""
          update tickets set body = 'Impersonation of a brand, again.', changed = '2026-11-20 08:00+00' where ticket_id = 'DB-2';
          insert into tickets values ('DB-4', '2026-11-20 07:00+00', '2026-11-20 07:30+00', 'Threat in DMs.',
            'violent_threats', 'Atlas Review', 'BR');
          """);
    }
    Pulls.Pulled second = pulls.pull(Pulls.JDBC, c -> { });
    // DB-3 (still at the watermark, >=) is read again and rejected again; DB-2 updated; DB-4 new.
    assertThat(second.counts()).isEqualTo(new ImportCounts(3, 1, 1, 0, 0, 1));
    assertThat(second.since()).isEqualTo(Instant.parse("2026-11-19T12:00:00Z"));
    assertThat(jdbc.queryForObject("select narrative from escalation where external_id = 'DB-2'", String.class))
        .isEqualTo("Impersonation of a brand, again.");
    assertThat(pulls.configured()).containsExactly(Pulls.JIRA, Pulls.JDBC);
    assertThat(List.of(jdbc.queryForObject("select count(*) from import_run where source like 'jdbc:%'", Long.class)))
        .containsExactly(2L);
  }

  @Test
  @Order(4)
  void oneScheduledLinePullsThenRunsTheNight() throws Exception {
    Path folder = ROOT.resolve("cli-data");
    List<String> source = List.of("-Drca.pull.jdbc.url=" + SOURCE_DB.jdbcUrl(), "-Drca.pull.jdbc.user=postgres",
        "-Drca.pull.jdbc.password=" + SOURCE_DB.password(),
        "-Drca.pull.jdbc.query=select ticket_id as id, opened as created, changed as updated, body as narrative,"
            + " policy, vendor, market from tickets where changed >= :since order by changed");

    com.escalationrca.CliProcess.Result nothing = com.escalationrca.CliProcess.run(Map.of(), List.of(), "pull",
        "--data-dir", folder.toString());
    assertThat(nothing.exit()).isEqualTo(1);
    assertThat(nothing.stderr()).contains("no source to pull from");

    com.escalationrca.CliProcess.Result night = com.escalationrca.CliProcess.run(Map.of(), source, "run", "--pull",
        "--date", "2026-11-21", "--data-dir", folder.toString(), "--reports-dir", ROOT.resolve("cli-reports").toString());
    assertThat(night.exit()).as(night.stderr()).isZero();
    assertThat(night.stdout()).contains("jdbc since 2000-01-01T00:00:00Z: read 4, inserted 3", "rejected record",
        "report: ");
  }
}
