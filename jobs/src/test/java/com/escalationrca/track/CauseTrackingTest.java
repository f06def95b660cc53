package com.escalationrca.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import com.escalationrca.EscalationRcaApplication;
import com.escalationrca.TestFolders;
import com.escalationrca.generate.DatasetWriter;
import com.escalationrca.generate.GeneratorSpec;
import com.escalationrca.ingest.EscalationImporter;
import com.escalationrca.job.NightlyRunLauncher;
import com.escalationrca.report.ReportReader;
import com.escalationrca.report.RunReport;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import com.escalationrca.Outcomes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Causes followed across nights on a real database: the same problem on the next night is the
 * same tracked cause, people's changes are recorded with who and when, a resolved cause that fires
 * again regresses, a dismissed one leaves the top list but stays in findings.json, flagged.
 */
@SpringBootTest(classes = EscalationRcaApplication.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CauseTrackingTest {

  private static final Path ROOT = TestFolders.temporary("rca-track-");
  private static final LocalDate NIGHT = LocalDate.of(2026, 3, 1);

  @DynamicPropertySource
  static void storage(DynamicPropertyRegistry registry) {
    TestFolders.storage(registry, ROOT);
  }

  @Autowired
  EscalationImporter importer;
  @Autowired
  NightlyRunLauncher launcher;
  @Autowired
  TrackedCauses causes;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  ReportReader reader;

  private long run(LocalDate date) throws Exception {
    NightlyRunLauncher.RunOutcome outcome = launcher.run(date, false, false);
    Outcomes.completed(outcome);
    return jdbc.queryForObject("select max(run_id) from rca_run where run_date = ?", Long.class, date);
  }

  private RunReport report(LocalDate date) throws IOException {
    return JsonMapper.builder().build().readValue(ROOT.resolve("reports").resolve(date.toString())
        .resolve("findings.json").toFile(), RunReport.class);
  }

  @Test
  @Order(1)
  void theFirstNightStartsOneTrackedCausePerCause() throws Exception {
    Path data = ROOT.resolve("escalations.jsonl");
    new DatasetWriter().write(new GeneratorSpec(4000, 42, 21, NIGHT, 2), data);
    importer.importFile(data, "native", c -> { });
    long runId = run(NIGHT);

    long found = jdbc.queryForObject("select count(*) from finding_cause where run_id = ?", Long.class, runId);
    assertThat(found).isPositive();
    assertThat(causes.list(null)).hasSize((int) found).allMatch(c -> c.state() == CauseState.NEW
        && c.firstSeen().equals(NIGHT) && c.updatedBy().equals("nightly run"));
    assertThat(jdbc.queryForObject("select count(*) from finding_cause where run_id = ? and tracked_id is null",
        Long.class, runId)).isZero();
    RunReport report = report(NIGHT);
    assertThat(report.causes()).allMatch(c -> c.tracking() != null && c.tracking().state().equals("new")
        && c.tracking().nights() == 1);
    assertThat(Files.readString(ROOT.resolve("reports").resolve(NIGHT.toString()).resolve("summary.md")))
        .contains("tracked #" + report.causes().get(0).tracking().id() + " · new · first night");
  }

  @Test
  @Order(2)
  void theSameProblemTheNextNightIsTheSameTrackedCause() throws Exception {
    List<TrackedCause> before = causes.list(null);
    long lead = report(NIGHT).causes().get(0).tracking().id();

    run(NIGHT.plusDays(1));

    RunReport next = report(NIGHT.plusDays(1));
    assertThat(next.causes().get(0).tracking().id()).isEqualTo(lead);
    assertThat(next.causes().get(0).tracking().nights()).isEqualTo(2);
    assertThat(causes.get(lead).lastSeen()).isEqualTo(NIGHT.plusDays(1));
    assertThat(causes.list(null).size()).isLessThanOrEqualTo(before.size() + next.causes().size());
    assertThat(causes.nights(lead)).extracting(java.util.Map.Entry::getKey).containsExactly(NIGHT, NIGHT.plusDays(1));
  }

  @Test
  @Order(3)
  void peoplesChangesAreRecordedWithWhoAndWhen() throws IOException {
    long id = report(NIGHT.plusDays(1)).causes().get(0).tracking().id();

    causes.acknowledge(id, "dana", "max");
    assertThat(causes.get(id).state()).isEqualTo(CauseState.ACKNOWLEDGED);
    assertThatThrownBy(() -> causes.link(id, "https://evil.example/browse/X-1", "max"))
        .hasMessage("'https://evil.example/browse/X-1' is not a JIRA issue key (PROJECT-123)");
    // With a JIRA project configured, only its keys: the bot comments on what is linked.
    TrackedCauses inProject = new TrackedCauses(jdbc, "TS");
    assertThatThrownBy(() -> inProject.link(id, "OPS-77", "max"))
        .hasMessage("'OPS-77' is not a JIRA issue key of project TS (TS-123)");
    assertThat(causes.get(id).state()).isEqualTo(CauseState.ACKNOWLEDGED);
    inProject.link(id, "TS-1234", "max");
    TrackedCause ticketed = causes.get(id);
    assertThat(ticketed.state()).isEqualTo(CauseState.TICKETED);
    assertThat(ticketed.owner()).isEqualTo("dana");
    assertThat(ticketed.updatedBy()).isEqualTo("max");
    assertThatThrownBy(() -> causes.resolve(id, NIGHT, " ", "max")).hasMessageContaining("give a note");
    assertThatThrownBy(() -> causes.get(99999)).hasMessageContaining("no tracked cause 99999");
    assertThat(causes.events(id)).extracting(CauseEvent::actor, CauseEvent::action).containsSubsequence(
        org.assertj.core.groups.Tuple.tuple("nightly run", "first seen"),
        org.assertj.core.groups.Tuple.tuple("max", "acknowledged"),
        org.assertj.core.groups.Tuple.tuple("max", "ticketed"));
  }

  @Test
  @Order(4)
  void aResolvedCauseThatFiresAgainRegressesAndTheReportMeasuresTheResolution() throws Exception {
    long id = report(NIGHT.plusDays(1)).causes().get(0).tracking().id();
    causes.resolve(id, NIGHT.minusDays(3), "vendor retrained on the policy", "dana");

    run(NIGHT.plusDays(2));

    assertThat(causes.get(id).state()).isEqualTo(CauseState.REGRESSED);
    assertThat(causes.events(id)).extracting(CauseEvent::action).endsWith("regressed");
    RunReport report = report(NIGHT.plusDays(2));
    RunReport.Resolution resolution = report.resolutions().stream().filter(r -> r.trackedId() == id).findFirst()
        .orElseThrow();
    assertThat(resolution.state()).isEqualTo("regressed");
    assertThat(resolution.after()).isPositive();
    assertThat(resolution.effect()).contains("since resolved on 26 Feb");
    assertThat(Files.readString(ROOT.resolve("reports").resolve(NIGHT.plusDays(2).toString()).resolve("summary.md")))
        .contains("## Resolved causes", resolution.effect());
  }

  @Test
  @Order(5)
  void aDismissedCauseLeavesTheTopListButStaysInFindingsJsonFlagged() throws Exception {
    RunReport before = report(NIGHT.plusDays(2));
    RunReport.CauseSummary first = before.causes().get(0);
    RunReport.FindingSummary lead = before.findings().stream().filter(f -> f.rank() == first.leadRank()).findFirst()
        .orElseThrow();
    causes.dismiss(first.tracking().id(), "a planned enforcement campaign", "dana");

    launcher.run(NIGHT.plusDays(2), false, true);

    RunReport after = report(NIGHT.plusDays(2));
    assertThat(after.causes().get(0).dismissed()).isTrue();
    String summary = Files.readString(ROOT.resolve("reports").resolve(NIGHT.plusDays(2).toString()).resolve("summary.md"));
    String top = summary.substring(summary.indexOf("## Top causes"), summary.indexOf("dismissed cause(s) left out"));
    assertThat(top).doesNotContain(lead.summary());
    JsonNode json = JsonMapper.builder().build().readTree(ROOT.resolve("reports").resolve(NIGHT.plusDays(2).toString())
        .resolve("findings.json").toFile());
    assertThat(json.get("causes").get(0).get("tracking").get("state").asString()).isEqualTo("dismissed");
  }

  @Test
  @Order(6)
  void everyViewForBiToolsAnswersFromTheSameData() throws Exception {
    RunReport latest = report(NIGHT.plusDays(2));
    long runId = jdbc.queryForObject("select max(run_id) from rca_run where status = 'COMPLETED'", Long.class);

    // Three nights, one of them rerun: one completed run per date, the last.
    assertThat(jdbc.queryForList("select run_id from reporting.completed_runs order by run_date", Long.class))
        .hasSize(3).endsWith(runId);
    assertThat(jdbc.queryForObject("select min(duration_seconds) from reporting.completed_runs", Long.class))
        .isNotNegative();
    assertThat(jdbc.queryForObject("select count(*) from reporting.findings where run_date = ?", Long.class,
        NIGHT.plusDays(2))).isEqualTo(latest.findings().size());
    assertThat(jdbc.queryForObject("select cause_state from reporting.findings where run_date = ? and rank = ?",
        String.class, NIGHT.plusDays(2), latest.causes().get(0).leadRank())).isEqualTo("dismissed");
    assertThat(jdbc.queryForObject("select count(*) from reporting.clusters where run_date = ?", Long.class,
        NIGHT.plusDays(2))).isEqualTo(latest.clusters().size());
    assertThat(jdbc.queryForObject("select count(*) from reporting.causes", Long.class))
        .isEqualTo(causes.list(null).size());
    long regressed = latest.causes().get(0).tracking().id();
    assertThat(jdbc.queryForObject("select count(*) from reporting.cause_nights where cause_id = ?", Long.class,
        regressed)).isEqualTo(3);
    // Every clustered escalation of the latest run counted once per dimension it has.
    assertThat(jdbc.queryForObject("select sum(escalations) from reporting.daily_counts_latest where dimension = 'vendor'",
        Long.class)).isEqualTo(jdbc.queryForObject("select count(*) from cluster_assignment ca join escalation e"
        + " on e.id = ca.escalation_id where ca.run_id = ? and e.vendor is not null", Long.class, runId));
    assertThat(jdbc.queryForObject("select count(distinct run_id) from reporting.daily_counts_latest", Long.class))
        .isEqualTo(1);
  }
}
