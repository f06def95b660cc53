package com.escalationrca.publish;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.escalationrca.EscalationRcaApplication;
import com.escalationrca.Outcomes;
import com.escalationrca.TestFolders;
import com.escalationrca.generate.DatasetWriter;
import com.escalationrca.generate.GeneratorSpec;
import com.escalationrca.ingest.EscalationImporter;
import com.escalationrca.job.NightlyRunLauncher;
import com.escalationrca.report.RunReport;
import com.escalationrca.track.CauseState;
import com.escalationrca.track.TrackedCauses;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every completed run published to JIRA (WireMock serving JIRA Cloud's REST v3), a chat webhook
 * (WireMock) and e-mail (GreenMail's SMTP server): one ticket per new top cause, never twice,
 * comments on later nights; a 429 honoured; outages recorded without failing the night and caught
 * up on the next.
 */
@SpringBootTest(classes = EscalationRcaApplication.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PublishAfterEveryRunTest {

  private static final Path ROOT = TestFolders.temporary("rca-publish-");
  private static final LocalDate NIGHT = LocalDate.of(2026, 3, 1);
  private static final WireMockServer SERVERS = started(new WireMockServer(wireMockConfig().dynamicPort()
      .globalTemplating(true)));
  private static final GreenMail SMTP = startedMail();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    TestFolders.storage(registry, ROOT);
    registry.add("rca.publish.base-url", () -> "https://rca.example.com");
    registry.add("rca.publish.top-causes", () -> "3");
    registry.add("rca.publish.jira.url", SERVERS::baseUrl);
    registry.add("rca.publish.jira.user", () -> "bot@example.com");
    registry.add("rca.publish.jira.token", () -> "jira-api-token");
    registry.add("rca.publish.jira.project", () -> "TS");
    registry.add("rca.publish.webhook.url", () -> SERVERS.baseUrl() + "/hooks/T000/B000");
    registry.add("rca.publish.email.to", () -> "pm@example.com,lead@example.com");
    registry.add("rca.publish.email.from", () -> "rca@example.com");
    registry.add("rca.http.backoff", () -> "50ms");
    registry.add("rca.http.attempts", () -> "3");
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
  }

  @Autowired
  EscalationImporter importer;
  @Autowired
  NightlyRunLauncher launcher;
  @Autowired
  TrackedCauses causes;
  @Autowired
  JdbcTemplate jdbc;

  private static WireMockServer started(WireMockServer server) {
    server.start();
    return server;
  }

  private static GreenMail startedMail() {
    GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    mail.start();
    return mail;
  }

  @AfterAll
  static void stopServers() {
    SERVERS.stop();
    SMTP.stop();
  }

  /** JIRA and the webhook up: search finds nothing, a created issue gets a fresh key. */
  private static void serversUp() {
    SERVERS.resetAll();
    SERVERS.stubFor(get(urlPathEqualTo("/rest/api/3/search/jql")).willReturn(okJson("{\"issues\": []}")));
    SERVERS.stubFor(post("/rest/api/3/issue").willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"id\": \"{{randomValue length=5 type='NUMERIC'}}\", \"key\": \"TS-1{{randomValue length=4 type='NUMERIC'}}\"}")));
    SERVERS.stubFor(post(urlMatching("/rest/api/3/issue/TS-[0-9]+/comment")).willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json").withBody("{\"id\": \"1\"}")));
    SERVERS.stubFor(post("/hooks/T000/B000").willReturn(aResponse().withStatus(200).withBody("ok")));
  }

  private RunReport night(LocalDate date, boolean rerun) throws Exception {
    Outcomes.completed(launcher.run(date, false, rerun));
    return JSON.readValue(ROOT.resolve("reports").resolve(date.toString()).resolve("findings.json").toFile(),
        RunReport.class);
  }

  private static List<LoggedRequest> created() {
    return SERVERS.findAll(postRequestedFor(urlPathEqualTo("/rest/api/3/issue")));
  }

  private static List<LoggedRequest> comments() {
    return SERVERS.findAll(postRequestedFor(urlMatching("/rest/api/3/issue/.*/comment")));
  }

  @BeforeEach
  void noMail() throws Exception {
    SMTP.purgeEmailFromAllMailboxes();
  }

  @Test
  @Order(1)
  void theFirstNightOpensATicketPerNewTopCausePostsToChatAndMailsTheDigest() throws Exception {
    serversUp();
    // The webhook's first answer is a rate limit: the post waits for Retry-After and is sent again.
    SERVERS.stubFor(post("/hooks/T000/B000").inScenario("rate").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("limited"));
    SERVERS.stubFor(post("/hooks/T000/B000").inScenario("rate").whenScenarioStateIs("limited")
        .willReturn(aResponse().withStatus(200).withBody("ok")));
    Path data = ROOT.resolve("escalations.jsonl");
    new DatasetWriter().write(new GeneratorSpec(4000, 42, 31, NIGHT, 2), data);
    importer.importFile(data, "native", c -> { });

    RunReport report = night(NIGHT, false);

    int expected = (int) Math.min(3, report.causes().stream().filter(c -> !c.dismissed()).count());
    assertThat(expected).isPositive();
    List<LoggedRequest> created = created();
    assertThat(created).hasSize(expected);
    JsonNode first = JSON.readTree(created.get(0).getBodyAsString());
    assertThat(first.at("/fields/project/key").asString()).isEqualTo("TS");
    assertThat(first.at("/fields/issuetype/name").asString()).isEqualTo("Task");
    assertThat(first.at("/fields/summary").asString()).startsWith("[Escalation RCA] ");
    assertThat(first.at("/fields/description/type").asString()).isEqualTo("doc");
    assertThat(first.at("/fields/description").toString()).contains("Evidence: ", "lift", "https://rca.example.com/causes/");
    List<String> labels = JSON.readerForListOf(String.class).readValue(first.at("/fields/labels"));
    assertThat(labels).contains("escalation-rca").anyMatch(l -> l.matches("rca-cause-\\d+"));
    assertThat(created.get(0).getHeader("Authorization")).startsWith("Basic ");

    List<String> keys = causes.list(CauseState.TICKETED).stream().map(c -> c.ticket()).toList();
    assertThat(keys).hasSize(expected).allMatch(k -> k.matches("TS-\\d+"));
    assertThat(causes.list(CauseState.TICKETED)).allMatch(c -> c.updatedBy().equals("jira"));

    List<LoggedRequest> chat = SERVERS.findAll(postRequestedFor(urlPathEqualTo("/hooks/T000/B000")));
    assertThat(chat).hasSize(2);
    JsonNode message = JSON.readTree(chat.get(1).getBodyAsString());
    assertThat(message.path("text").asString()).startsWith("Escalation RCA " + NIGHT + ": " + expected + " top cause(s)");
    assertThat(message.path("blocks").get(0).path("type").asString()).isEqualTo("header");
    assertThat(message.path("blocks").size()).isEqualTo(expected + 2);

    assertThat(SMTP.waitForIncomingEmail(5000, 2)).isTrue();
    MimeMessage mail = SMTP.getReceivedMessages()[0];
    assertThat(mail.getSubject()).isEqualTo("Escalation RCA " + NIGHT + ": " + expected + " top cause(s), "
        + expected + " new");
    String body = GreenMailUtil.getBody(mail);
    assertThat(body).contains("text/plain", "text/html", "The whole morning read: https://rca.example.com/runs/" + NIGHT);
    assertThat(((MimeMultipart) mail.getContent()).getCount()).isPositive();

    assertThat(report.deliveries()).extracting(RunReport.Delivery::channel, RunReport.Delivery::status)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("email", "sent"),
            org.assertj.core.groups.Tuple.tuple("jira", "sent"), org.assertj.core.groups.Tuple.tuple("webhook", "sent"));
    assertThat(report.deliveries().get(2).attempts()).isEqualTo(2);
    assertThat(Files.readString(ROOT.resolve("reports").resolve(NIGHT.toString()).resolve("summary.md")))
        .contains("## Published", "jira: sent", expected + " ticket(s) created");
  }

  @Test
  @Order(2)
  void rerunningANightNeverOpensATicketTwice() throws Exception {
    serversUp();
    night(NIGHT, true);

    assertThat(created()).isEmpty();
    assertThat(comments()).isEmpty();
  }

  @Test
  @Order(3)
  void laterNightsCommentOnceOnTicketsOfCausesThatContinue() throws Exception {
    serversUp();
    RunReport next = night(NIGHT.plusDays(1), false);

    long ticketedTonight = next.causes().stream().filter(c -> c.tracking() != null
        && jdbc.queryForObject("select count(*) from jira_ticket where cause_id = ? and created_on < ?", Long.class,
        c.tracking().id(), NIGHT.plusDays(1)) > 0).count();
    assertThat(ticketedTonight).isPositive();
    assertThat(comments()).hasSize((int) ticketedTonight);
    assertThat(comments().get(0).getBodyAsString()).contains("night of " + NIGHT.plusDays(1), "this cause");

    serversUp();
    night(NIGHT.plusDays(1), true);
    assertThat(comments()).isEmpty();
  }

  @Test
  @Order(4)
  void anOutageIsRecordedWithoutFailingTheNightAndCaughtUpOnTheNext() throws Exception {
    SERVERS.resetAll();
    SERVERS.stubFor(get(urlPathEqualTo("/rest/api/3/search/jql")).willReturn(aResponse().withStatus(503)));
    SERVERS.stubFor(post(urlMatching("/rest/api/3/issue.*")).willReturn(aResponse().withStatus(503)));
    SERVERS.stubFor(post("/hooks/T000/B000").willReturn(aResponse().withStatus(500).withBody("upstream down")));

    RunReport down = night(NIGHT.plusDays(2), false);

    Map<String, RunReport.Delivery> byChannel = new java.util.HashMap<>();
    down.deliveries().forEach(d -> byChannel.put(d.channel(), d));
    assertThat(byChannel.get("jira").status()).isEqualTo("failed");
    assertThat(byChannel.get("jira").detail()).contains("answered 503", "after 3 attempts");
    assertThat(byChannel.get("webhook").detail()).contains("answered 500", "upstream down");
    // The webhook's path is its secret: no failure line carries it, in the database or any report.
    assertThat(jdbc.queryForList("select detail from delivery", String.class)).noneMatch(d -> d.contains("T000"));
    try (var files = java.nio.file.Files.walk(ROOT.resolve("reports"))) {
      for (java.nio.file.Path file : files.filter(java.nio.file.Files::isRegularFile).toList()) {
        assertThat(java.nio.file.Files.readString(file)).as(file.toString()).doesNotContain("T000/B000");
      }
    }
    assertThat(byChannel.get("email").status()).isEqualTo("sent");

    serversUp();
    night(NIGHT.plusDays(3), false);

    List<Map<String, Object>> earlier = jdbc.queryForList("""
        select d.channel, d.status, d.detail from delivery d join rca_run r on r.run_id = d.run_id
        where r.run_date = ? order by d.channel
        """, NIGHT.plusDays(2));
    assertThat(earlier).extracting(r -> r.get("channel") + " " + r.get("status")).containsExactly(
        "email sent", "jira sent", "webhook sent");
    assertThat(earlier.get(1).get("detail")).isEqualTo("caught up by the run of " + NIGHT.plusDays(3));
    assertThat(earlier.get(2).get("detail").toString()).startsWith("sent late");
    assertThat(SERVERS.findAll(postRequestedFor(urlPathEqualTo("/hooks/T000/B000")))).hasSize(2);
    assertThat(SERVERS.findAll(postRequestedFor(urlPathEqualTo("/hooks/T000/B000"))).get(0).getBodyAsString())
        .contains("Escalation RCA " + NIGHT.plusDays(3));
  }

  @Test
  @Order(5)
  void aKeyOfAnotherProjectFailsTheJiraDeliveryNotTheNight() throws Exception {
    serversUp();
    SERVERS.stubFor(post("/rest/api/3/issue").willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json").withBody("{\"id\": \"7\", \"key\": \"OTHER-7\"}")));
    RunReport last = JSON.readValue(ROOT.resolve("reports").resolve(NIGHT.plusDays(3).toString()).resolve("findings.json")
        .toFile(), RunReport.class);
    long cause = last.causes().stream().filter(c -> c.tracking() != null && !c.dismissed()).findFirst().orElseThrow()
        .tracking().id();
    // The cause has no ticket yet, as if it had just appeared.
    jdbc.update("delete from jira_ticket where cause_id = ?", cause);
    jdbc.update("update tracked_cause set ticket = null, state = 'new' where id = ?", cause);

    RunReport rerun = night(NIGHT.plusDays(3), true);

    RunReport.Delivery jira = rerun.deliveries().stream().filter(d -> d.channel().equals("jira")).findFirst().orElseThrow();
    assertThat(jira.status()).isEqualTo("failed");
    assertThat(jira.detail()).contains("'OTHER-7'", "not an issue of project TS");
    assertThat(jdbc.queryForObject("select count(*) from jira_ticket where cause_id = ?", Long.class, cause)).isZero();
    assertThat(jdbc.queryForObject("select ticket from tracked_cause where id = ?", String.class, cause)).isNull();
  }
}
