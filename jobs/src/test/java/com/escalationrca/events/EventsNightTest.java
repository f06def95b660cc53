package com.escalationrca.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.escalationrca.EscalationRcaApplication;
import com.escalationrca.Outcomes;
import com.escalationrca.TestFolders;
import com.escalationrca.cli.EscalationRca;
import com.escalationrca.explain.ExplainEngine;
import com.escalationrca.explain.ExplainRequest;
import com.escalationrca.explain.Explained;
import com.escalationrca.generate.DatasetWriter;
import com.escalationrca.generate.GeneratorSpec;
import com.escalationrca.generate.GroundTruth;
import com.escalationrca.generate.PlantedCause;
import com.escalationrca.ingest.EscalationImporter;
import com.escalationrca.job.NightlyRunLauncher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Events end to end on a real PostgreSQL: recorded with `rca events`, cited by the night's finding
 * of a planted cause that began after one (in findings and the static report, where the chart marks
 * it), and by `rca explain`.
 */
@SpringBootTest(classes = EscalationRcaApplication.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventsNightTest {

  private static final Path ROOT = TestFolders.temporary("rca-events-");
  private static final LocalDate NIGHT = LocalDate.of(2026, 3, 1);

  @DynamicPropertySource
  static void storage(DynamicPropertyRegistry registry) {
    TestFolders.storage(registry, ROOT);
    // A week's lead, so that the citation does not hang on the onset test's exact day.
    registry.add("rca.events.lead-days", () -> "7");
  }

  @Autowired
  EscalationImporter importer;
  @Autowired
  NightlyRunLauncher launcher;
  @Autowired
  EventStore events;
  @Autowired
  ExplainEngine engine;
  @Autowired
  JdbcTemplate jdbc;

  GroundTruth truth;

  @BeforeAll
  void importGenerated() {
    Path data = ROOT.resolve("escalations.jsonl");
    truth = new DatasetWriter().write(new GeneratorSpec(3000, 42, 11, NIGHT, 2), data);
    importer.importFile(data, "native", c -> { });
  }

  @Test
  void theCliRecordsListsImportsAndRemovesEventsAndSaysWhyItRefusesOne() throws Exception {
    Result added = cli("events", "add", "--date", "2020-01-10", "--title", "Queue merge", "--kind", "tool-release",
        "--where", "market=ZZ", "--as", "pm");
    assertThat(added.exit()).isZero();
    assertThat(added.out()).contains("2020-01-10", "tool-release", "Queue merge", "[market=ZZ]");
    long id = Long.parseLong(added.out().substring(1, added.out().indexOf(' ')));

    Path calendar = ROOT.resolve("calendar.csv");
    Files.writeString(calendar, """
        date,end,title,kind,where
        2020-02-01,,Policy refresh,policy-update,policy=spam
        2020-02-30,,Not a day,other,
        """);
    Result imported = cli("events", "import", calendar.toString());
    assertThat(imported.exit()).as("a rejected row is an exit 2, with its line and reason").isEqualTo(2);
    assertThat(imported.out()).contains("rejected line 3:", "2 row(s): 1 event(s) recorded, 1 rejected");

    assertThat(cli("events", "list").out()).contains("Queue merge", "Policy refresh");
    Result refused = cli("events", "add", "--date", "2020-01-10", "--title", "x", "--kind", "launch");
    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.err().strip()).startsWith("error: kind 'launch' is not one of policy-launch,");
    assertThat(cli("events", "remove", String.valueOf(id)).out()).startsWith("removed #" + id);
    Result missing = cli("events", "remove", "999999");
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("no event #999999");
  }

  @Test
  void aFindingThatBeganAfterAnEventConcerningItsValuesCitesItAndItsChartMarksIt() throws Exception {
    PlantedCause plant = truth.causes().get(0);
    Event onboarding = events.add(new Event(0, plant.start().minusDays(1), null, "Onboarding wave 2",
        EventKind.VENDOR_CHANGE, Map.of("market", plant.market())), "pm");
    String cited = "'Onboarding wave 2' (vendor change, market " + plant.market() + ")";

    Outcomes.completed(launcher.run(NIGHT, false, false));

    List<String> summaries = jdbc.queryForList("select f.summary from finding f join rca_run r on r.run_id = f.run_id"
        + " where r.run_date = ? and f.value like ?", String.class, NIGHT, "%" + plant.vendor() + "%");
    assertThat(summaries).as("the plant's findings").isNotEmpty().anySatisfy(s -> assertThat(s).contains(cited));
    assertThat(jdbc.queryForList("select f.summary from finding f join rca_run r on r.run_id = f.run_id"
        + " where r.run_date = ? and f.dimension like '%market%' and f.value not like ?", String.class, NIGHT,
        "%" + plant.market() + "%")).as("findings of other markets").noneSatisfy(s -> assertThat(s).contains("Onboarding"));
    Path reports = ROOT.resolve("reports").resolve(NIGHT.toString());
    assertThat(Files.readString(reports.resolve("index.html")))
        .contains("events on the chart: #" + onboarding.id() + " " + onboarding.start());
    assertThat(Files.readString(reports.resolve("findings.json"))).contains("Onboarding wave 2");
    assertThat(Files.readString(reports.resolve("summary.md"))).contains("Onboarding wave 2");

    Explained answer = engine.explain(ExplainRequest.previous(plant.start(), NIGHT, Map.of(),
        ExplainRequest.Direction.RISE, 10));
    assertThat(answer.events()).extracting(Event::title).contains("Onboarding wave 2");
    assertThat(answer.explanations()).filteredOn(x -> plant.market().equals(x.values().get("market")))
        .isNotEmpty().allSatisfy(x -> assertThat(x.event()).contains(cited));
    assertThat(answer.explanations()).filteredOn(x -> x.values().containsKey("market")
        && !plant.market().equals(x.values().get("market"))).allSatisfy(x -> assertThat(x.event()).isNull());
  }

  private record Result(int exit, String out, String err) {
  }

  private static Result cli(String... args) {
    List<String> all = new java.util.ArrayList<>(List.of(args));
    all.addAll(List.of("--data-dir", ROOT.resolve("data").toString()));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    PrintStream original = System.out;
    int exit;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      picocli.CommandLine cli = EscalationRca.commandLine();
      cli.setErr(new PrintWriter(err));
      exit = cli.execute(all.toArray(String[]::new));
    } finally {
      System.setOut(original);
    }
    String printed = out.toString(StandardCharsets.UTF_8);
    // The embedded database's start and stop lines go to stdout too: keep the command's own lines.
    String own = printed.lines().filter(l -> !l.contains(" INFO ") && !l.contains(" WARN "))
        .reduce("", (a, b) -> a + b + "\n");
    return new Result(exit, own, err.toString());
  }
}
