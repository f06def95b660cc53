package com.escalationrca.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.List;

import com.escalationrca.EscalationRcaApplication;
import com.escalationrca.Outcomes;
import com.escalationrca.TestFolders;
import com.escalationrca.generate.DatasetWriter;
import com.escalationrca.generate.GeneratorSpec;
import com.escalationrca.ingest.EscalationImporter;
import com.escalationrca.job.NightlyRunLauncher;
import com.escalationrca.report.RunReport;
import com.escalationrca.web.security.Accounts;
import com.escalationrca.web.security.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A served night shared by the web tests (one Spring context, cached across the test classes):
 * 3,000 generated escalations plus a dozen carrying script payloads in narratives and vendors,
 * one completed run, and an account per role.
 */
@SpringBootTest(classes = EscalationRcaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ServedNight {

  static final Path ROOT = TestFolders.temporary("rca-web-");
  static final LocalDate RUN_DATE = LocalDate.of(2026, 3, 1);
  static final String PASSWORD = "correct horse battery";
  static final String NARRATIVE_PAYLOAD = "<script>alert('xss-narrative')</script>";
  static final String VENDOR_PAYLOAD = "Evil\"><img src=x onerror=alert('xss-vendor')> Ops";
  /** Ids a spreadsheet would run as a formula (CSV injection). */
  static final String FORMULA_ID = "=HYPERLINK(\"http://evil.example\")-";
  static final JsonMapper JSON = JsonMapper.builder().build();

  @DynamicPropertySource
  static void storage(DynamicPropertyRegistry registry) {
    TestFolders.storage(registry, ROOT);
    registry.add("rca.web.max-failed-sign-ins", () -> "3");
  }

  @LocalServerPort
  int port;
  @Autowired
  EscalationImporter importer;
  @Autowired
  NightlyRunLauncher launcher;
  @Autowired
  Accounts accounts;
  @Autowired
  RunCatalog catalog;

  @BeforeAll
  void aNightHasRunAndThreePeopleHaveAccounts() throws Exception {
    if (catalog.completed(RUN_DATE).isPresent()) {
      return;
    }
    Path data = ROOT.resolve("escalations.jsonl");
    new DatasetWriter().write(new GeneratorSpec(3000, 42, 11, RUN_DATE, 2), data);
    Files.write(data, withADrop(Files.readAllLines(data, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    Files.writeString(data, payloads(), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    importer.importFile(data, "native", c -> { });
    Outcomes.completed(launcher.run(RUN_DATE, false, false));
    accounts.add("ana", Role.ANALYST, PASSWORD);
    accounts.add("max", Role.MANAGER, PASSWORD);
    accounts.add("root", Role.ADMIN, PASSWORD);
    accounts.add("guess", Role.ANALYST, PASSWORD);
  }

  /** The vendor that stopped escalating in the night's last week (the morning read's drop). */
  static final String DROPPED = "Kestrel Trust";

  /** The escalations without five in six of {@link #DROPPED}'s in the last 7 days: a routing error that loses cases. */
  static List<String> withADrop(List<String> lines) {
    List<String> kept = new java.util.ArrayList<>();
    int dropped = 0;
    for (String line : lines) {
      JsonNode escalation = JSON.readTree(line);
      boolean lastWeek = !LocalDate.parse(escalation.path("created").asString().substring(0, 10))
          .isBefore(RUN_DATE.minusDays(6));
      if (lastWeek && DROPPED.equals(escalation.path("vendor").asString()) && dropped++ % 6 != 0) {
        continue;
      }
      kept.add(line);
    }
    return kept;
  }

  /** Escalations whose narrative and vendor carry script payloads. */
  static String payloads() {
    StringBuilder lines = new StringBuilder();
    for (int i = 1; i <= 12; i++) {
      lines.append(JSON.createObjectNode()
          .put("id", "XSS-" + i).put("created", RUN_DATE.minusDays(i % 5 + 1) + "T10:00:00Z")
          .put("updated", RUN_DATE.minusDays(i % 5 + 1) + "T11:00:00Z")
          .put("narrative", "The reporter pasted " + NARRATIVE_PAYLOAD + " into the appeal; the home address"
              + " of the victim is still visible in the profile after the review.")
          .put("policy", "private_information").put("vendor", VENDOR_PAYLOAD).put("market", "BR")
          .put("language", "en").put("channel", "in_app_report").put("priority", "P2")
          .put("action", "no_action").put("outcome", "overturned").toString()).append('\n');
    }
    for (int i = 1; i <= 3; i++) {
      lines.append(JSON.createObjectNode()
          .put("id", FORMULA_ID + i).put("created", RUN_DATE.minusDays(i) + "T10:00:00Z")
          .put("updated", RUN_DATE.minusDays(i) + "T11:00:00Z")
          .put("narrative", "Someone keeps posting my home address and phone number in the comments.")
          .put("policy", "private_information").put("vendor", "Atlas Review").put("market", "BR")
          .put("language", "en").put("channel", "in_app_report").put("priority", "P2")
          .put("action", "no_action").put("outcome", "upheld").toString()).append('\n');
    }
    return lines.toString();
  }

  WebClient signedIn(String user) throws Exception {
    WebClient client = WebClient.anonymous(port);
    HttpResponse<String> response = client.signIn(user, PASSWORD);
    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
    return client;
  }
}
