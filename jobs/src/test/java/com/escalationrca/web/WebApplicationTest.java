package com.escalationrca.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.List;

import com.escalationrca.EscalationRcaApplication;
import com.escalationrca.generate.DatasetWriter;
import com.escalationrca.generate.GeneratorSpec;
import com.escalationrca.ingest.EscalationImporter;
import com.escalationrca.job.NightlyRunLauncher;
import com.escalationrca.report.RunReport;
import com.escalationrca.web.security.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * `serve` on a real embedded PostgreSQL and a real index, over real HTTP: who may see what, the
 * pages and the API, planted script payloads shown as text, the audit log, and sign-in throttling.
 */
class WebApplicationTest extends ServedNight {

  @Test
  void nothingButTheSignInPageAndAssetsIsPublic() throws Exception {
    WebClient anonymous = WebClient.anonymous(port);
    for (String page : List.of("/", "/runs", "/search?q=address", "/escalations/XSS-1", "/admin/audit",
        "/runs/" + RUN_DATE + "/findings/1")) {
      HttpResponse<String> response = anonymous.get(page);
      assertThat(response.statusCode()).as(page).isEqualTo(302);
      assertThat(response.headers().firstValue("Location").orElseThrow()).as(page).endsWith("/login");
    }
    assertThat(anonymous.get("/login").statusCode()).isEqualTo(200);
    assertThat(anonymous.get("/css/app.css").statusCode()).isEqualTo(200);
    assertThat(anonymous.get("/webjars/bootstrap/css/bootstrap.min.css").statusCode()).isEqualTo(200);
    for (String api : List.of("/api/runs", "/api/runs/" + RUN_DATE, "/api/search?q=address", "/api/audit")) {
      assertThat(anonymous.get(api).statusCode()).as(api).isEqualTo(401);
    }
    assertThat(WebClient.basic(port, "ana", "wrong password!!").get("/api/runs").statusCode()).isEqualTo(401);
  }

  @Test
  void probesReadHealthWithoutCredentialsAndOnlyAdminsReadMetrics() throws Exception {
    HttpResponse<String> health = WebClient.anonymous(port).get("/actuator/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(health.body()).get("status").asString()).isEqualTo("UP");
    assertThat(health.body()).doesNotContain("db", "diskSpace");
    assertThat(WebClient.anonymous(port).get("/actuator/prometheus").statusCode()).isEqualTo(401);
    assertThat(WebClient.basic(port, "ana", PASSWORD).get("/actuator/prometheus").statusCode()).isEqualTo(403);
    HttpResponse<String> metrics = WebClient.basic(port, "root", PASSWORD).get("/actuator/prometheus");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).contains("jvm_memory_used_bytes", "http_server_requests_seconds");
  }

  @Test
  void pagesCarryASecurityPolicyWithoutInlineScriptAndCannotBeFramed() throws Exception {
    HttpResponse<String> page = signedIn("max").get("/");
    assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-inline");
    assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
    assertThat(page.body()).doesNotContain("<script");
  }

  @Test
  void aManagerReadsTheMorningReadWithChartsAndAFindingsEscalationsButCannotSearchNarratives() throws Exception {
    WebClient manager = signedIn("max");
    RunReport report = catalog.report(catalog.completed(RUN_DATE).orElseThrow());
    assertThat(report.findings()).isNotEmpty();

    String read = manager.get("/").body();
    assertThat(read).contains("Morning read", RUN_DATE.toString(), "data:image/svg+xml;base64,",
        "/runs/" + RUN_DATE + "/findings/" + report.causes().get(0).leadRank());
    assertThat(manager.get("/runs/" + RUN_DATE).body()).contains("Morning read", "data:image/svg+xml;base64,");

    RunReport.FindingSummary lead = report.findings().get(0);
    HttpResponse<String> finding = manager.get("/runs/" + RUN_DATE + "/findings/" + lead.rank());
    assertThat(finding.statusCode()).isEqualTo(200);
    assertThat(finding.body()).contains("<span id=\"member-count\">" + lead.observed() + "</span>");
    assertThat(manager.get("/runs/" + RUN_DATE + "/findings/999").statusCode()).isEqualTo(404);
    assertThat(manager.get("/runs/2020-01-01").statusCode()).isEqualTo(404);

    assertThat(manager.get("/search?q=address").statusCode()).isEqualTo(403);
    assertThat(manager.get("/escalations/XSS-1").statusCode()).isEqualTo(403);
    WebClient script = WebClient.basic(port, "max", PASSWORD);
    assertThat(script.get("/api/search?q=address").statusCode()).isEqualTo(403);
    assertThat(script.get("/api/escalations/XSS-1").statusCode()).isEqualTo(403);
    assertThat(script.get("/api/audit").statusCode()).isEqualTo(403);
    JsonNode run = JSON.readTree(script.get("/api/runs/" + RUN_DATE).body());
    assertThat(run.get("findings").size()).isEqualTo(report.findings().size());
    assertThat(run.get("runDate").asString()).isEqualTo(RUN_DATE.toString());
  }

  @Test
  void anAnalystSearchesWithFacetsAndReadsAParseErrorInPlainWords() throws Exception {
    WebClient analyst = signedIn("ana");
    HttpResponse<String> search = analyst.get("/search?q=" + WebClient.encode("home address") + "&f="
        + WebClient.encode("market:BR"));
    assertThat(search.statusCode()).isEqualTo(200);
    assertThat(search.body()).contains("id=\"total\"", "data-facet=\"vendor\"", "<b>address</b>", "market:BR ×");

    long apiTotal = JSON.readTree(WebClient.basic(port, "ana", PASSWORD)
        .get("/api/search?q=" + WebClient.encode("\"home address\" AND market:BR") + "&facet=vendor").body())
        .get("total").asLong();
    assertThat(search.body()).contains("id=\"total\">" + String.format("%,d", apiTotal) + "<");

    HttpResponse<String> broken = analyst.get("/search?q=" + WebClient.encode("vendor:(spam"));
    assertThat(broken.statusCode()).isEqualTo(200);
    assertThat(broken.body()).contains("id=\"query-error\"", "parenthesis is opened but not closed");

    // Paging past rca.search.max-window (10,000) is refused in plain words, page and API alike.
    HttpResponse<String> deep = analyst.get("/search?q=address&page=401");
    assertThat(deep.statusCode()).isEqualTo(400);
    assertThat(deep.body()).contains("rca.search.max-window");
    HttpResponse<String> deepApi = WebClient.basic(port, "ana", PASSWORD).get("/api/search?q=address&limit=1000&page=11");
    assertThat(deepApi.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(deepApi.body()).get("error").asString()).contains("reaches result 11000");

    HttpResponse<String> csv = analyst.get("/search.csv?q=address");
    assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    assertThat(csv.body().lines().findFirst().orElseThrow()).isEqualTo("id,created,policy,vendor,cluster,score,snippet");

    HttpResponse<String> escalation = analyst.get("/escalations/XSS-3");
    assertThat(escalation.statusCode()).isEqualTo(200);
    assertThat(escalation.body()).contains("the home address of the victim");
    assertThat(analyst.get("/escalations/NO-SUCH").statusCode()).isEqualTo(404);
    assertThat(analyst.get("/admin/audit").statusCode()).isEqualTo(403);
  }

  @Test
  void aClusterPageAndItsApiShowItsSizeNightByNight() throws Exception {
    WebClient api = WebClient.basic(port, "max", PASSWORD);
    String id = JSON.readTree(api.get("/api/runs/" + RUN_DATE).body()).path("clusters").get(0).path("id").asString();

    JsonNode cluster = JSON.readTree(api.get("/api/clusters/" + id).body());
    assertThat(cluster.path("cluster").path("id").asString()).isEqualTo(id);
    assertThat(cluster.path("sizes").path(RUN_DATE.toString()).asInt()).isEqualTo(cluster.path("cluster").path("size").asInt())
        .isPositive();
    HttpResponse<String> page = signedIn("max").get("/clusters/" + id);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains(id, "data:image/svg+xml");
    assertThat(api.get("/api/clusters/C9999").statusCode()).isEqualTo(404);
  }

  @Test
  void theReportsCsvFilesKeepFormulasAsText() throws Exception {
    java.nio.file.Path report = ROOT.resolve("reports").resolve(RUN_DATE.toString());
    List<String> assignments = java.nio.file.Files.readAllLines(report.resolve("assignments.csv"));

    assertThat(assignments).filteredOn(line -> line.contains("HYPERLINK")).hasSize(3)
        .allSatisfy(line -> assertThat(line).startsWith("\"'=HYPERLINK("));
    for (String file : List.of("findings.csv", "clusters.csv", "causes.csv")) {
      assertThat(java.nio.file.Files.readAllLines(report.resolve(file))).as(file)
          .noneMatch(line -> line.startsWith("=") || line.contains(",=") || line.contains(",\"="));
    }
  }

  @Test
  void scriptPayloadsInNarrativesAndVendorsAreShownAsText() throws Exception {
    WebClient analyst = signedIn("ana");
    for (String page : List.of("/search?q=" + WebClient.encode("pasted appeal"),
        "/search?q=" + WebClient.encode("pasted appeal") + "&f=" + WebClient.encode("vendor:" + VENDOR_PAYLOAD),
        "/escalations/XSS-1")) {
      String body = analyst.get(page).body();
      assertThat(body).as(page).contains("XSS-").doesNotContain(NARRATIVE_PAYLOAD).doesNotContain("<img src=x");
      assertThat(body).as(page).contains("&lt;img src=x onerror=alert(");
    }
    String api = WebClient.basic(port, "ana", PASSWORD).get("/api/escalations/XSS-1").body();
    assertThat(JSON.readTree(api).get("escalation").get("narrative").asString()).contains(NARRATIVE_PAYLOAD);
  }

  @Test
  void adminsReadWhoSearchedOpenedAndExportedWhat() throws Exception {
    WebClient analyst = signedIn("ana");
    analyst.get("/search?q=" + WebClient.encode("audit-me-query"));
    analyst.get("/escalations/XSS-7");
    analyst.get("/search.csv?q=address");

    JsonNode events = JSON.readTree(WebClient.basic(port, "root", PASSWORD).get("/api/audit?user=ana").body());
    List<String> lines = new java.util.ArrayList<>();
    events.forEach(e -> lines.add(e.get("action").asString() + " " + e.get("detail").asString()));
    assertThat(lines).contains("search q=audit-me-query", "open escalation XSS-7", "sign-in ");
    assertThat(lines).anyMatch(l -> l.startsWith("export q=address ("));
    assertThat(events.get(0).get("remote").asString()).isEqualTo("127.0.0.1");

    String page = signedIn("root").get("/admin/audit").body();
    assertThat(page).contains("audit-me-query", "XSS-7");
  }

  @Test
  void wrongPasswordsLockTheAccountEvenForTheRightOne() throws Exception {
    for (int i = 0; i < 3; i++) {
      HttpResponse<String> wrong = WebClient.anonymous(port).signIn("guess", "not the password " + i);
      assertThat(wrong.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
    }
    HttpResponse<String> right = WebClient.anonymous(port).signIn("guess", PASSWORD);
    assertThat(right.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
    assertThat(WebClient.basic(port, "guess", PASSWORD).get("/api/runs").statusCode()).isEqualTo(401);
    assertThat(accounts.find("guess").orElseThrow().lockedAt(java.time.Instant.now())).isTrue();

    accounts.unlock("guess");
    assertThat(WebClient.basic(port, "guess", PASSWORD).get("/api/runs").statusCode()).isEqualTo(200);
  }

  @Test
  void aRoleChangeOrRemovalReachesSessionsWithinSeconds() throws Exception {
    accounts.add("temp", Role.ANALYST, PASSWORD);
    WebClient session = signedIn("temp");
    assertThat(session.get("/search?q=address").statusCode()).isEqualTo(200);

    accounts.setRole("temp", Role.MANAGER);
    Thread.sleep(3500);
    assertThat(session.get("/search?q=address").statusCode()).isEqualTo(403);
    assertThat(session.get("/runs").statusCode()).isEqualTo(200);

    accounts.remove("temp");
    Thread.sleep(3500);
    assertThat(session.get("/runs").statusCode()).isEqualTo(302);
  }

  @Test
  void formsNeedTheirCsrfToken() throws Exception {
    WebClient analyst = signedIn("ana");
    assertThat(analyst.post("/logout", "").statusCode()).isEqualTo(403);
    String token = WebClient.csrf(analyst.get("/").body());
    assertThat(analyst.post("/logout", "_csrf=" + WebClient.encode(token)).statusCode()).isEqualTo(302);
    assertThat(analyst.get("/").statusCode()).isEqualTo(302);
  }

  @Test
  void aManagerAcknowledgesACauseInThePageAndTheMorningReadShowsIt() throws Exception {
    WebClient manager = signedIn("max");
    RunReport report = catalog.report(catalog.completed(RUN_DATE).orElseThrow());
    long id = report.causes().get(report.causes().size() - 1).tracking().id();

    String page = manager.get("/causes/" + id).body();
    assertThat(page).contains("id=\"state\">new<");
    HttpResponse<String> acknowledged = manager.post("/causes/" + id + "/acknowledge",
        "owner=dana&_csrf=" + WebClient.encode(WebClient.csrf(page)));
    assertThat(acknowledged.statusCode()).isEqualTo(302);
    assertThat(acknowledged.headers().firstValue("Location").orElseThrow()).endsWith("/causes/" + id);
    assertThat(manager.get("/causes/" + id).body()).contains("id=\"state\">acknowledged<", "id=\"owner\">dana<");
    assertThat(manager.post("/causes/" + id + "/dismiss", "reason=no+token").statusCode()).isEqualTo(403);

    JsonNode cause = JSON.readTree(WebClient.basic(port, "max", PASSWORD).get("/api/causes/" + id).body());
    assertThat(cause.get("cause").get("owner").asString()).isEqualTo("dana");
    assertThat(cause.get("history").get(cause.get("history").size() - 1).get("actor").asString()).isEqualTo("max");
    assertThat(manager.get("/causes?state=acknowledged").body()).contains("/causes/" + id);
    assertThat(manager.get("/causes?state=nonsense").statusCode()).isEqualTo(400);
  }
}
