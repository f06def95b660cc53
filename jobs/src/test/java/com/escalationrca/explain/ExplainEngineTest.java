package com.escalationrca.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.escalationrca.EscalationRcaApplication;
import com.escalationrca.TestFolders;
import com.escalationrca.cli.EscalationRca;
import com.escalationrca.generate.DatasetWriter;
import com.escalationrca.generate.GeneratorSpec;
import com.escalationrca.generate.GroundTruth;
import com.escalationrca.generate.PlantedCause;
import com.escalationrca.ingest.EscalationImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import picocli.CommandLine;

/** `rca explain` on generated escalations with two planted causes, on a real PostgreSQL. */
@SpringBootTest(classes = EscalationRcaApplication.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExplainEngineTest {

  private static final Path ROOT = TestFolders.temporary("rca-explain-");
  private static final LocalDate END = LocalDate.of(2026, 11, 20);

  @DynamicPropertySource
  static void storage(DynamicPropertyRegistry registry) {
    TestFolders.storage(registry, ROOT);
  }

  @Autowired
  EscalationImporter importer;
  @Autowired
  ExplainEngine engine;
  @Autowired
  org.springframework.jdbc.core.JdbcTemplate jdbc;

  GroundTruth truth;

  @BeforeAll
  void importGenerated() {
    Path data = ROOT.resolve("generated.jsonl");
    truth = new DatasetWriter().write(new GeneratorSpec(12000, 60, 7, END, 2), data);
    importer.importFile(data, "native", c -> { });
  }

  @Test
  void thePlantedCausesAreTheFirstExplanationsOfTheirWindowAndAccountForTheirExcess() {
    LocalDate start = truth.causes().stream().map(PlantedCause::start).min(LocalDate::compareTo).orElseThrow();

    Explained answer = engine.explain(ExplainRequest.previous(start, END, Map.of(), ExplainRequest.Direction.BOTH, 10));

    assertThat(answer.change().observed()).isGreaterThan((long) answer.change().expected());
    assertThat(answer.change().summary()).startsWith("All escalations: ").contains(" expected, +");
    for (PlantedCause cause : truth.causes()) {
      assertThat(answer.explanations().subList(0, 3)).as(cause.describe()).anySatisfy(x -> {
        assertThat(x.values()).containsKey("vendor");
        assertThat(cause.values()).containsAllEntriesOf(x.values());
        assertThat(x.q()).isLessThan(0.05);
        assertThat(x.liftLow()).isGreaterThan(1);
        // The explanation accounts for most of what was planted in the window.
        assertThat(x.excess()).isGreaterThan(0.5 * cause.count());
        assertThat(x.contribution()).isEqualTo(x.excess() / answer.change().excess(), org.assertj.core.data.Offset.offset(1e-9));
      });
    }
    assertThat(answer.unexplained()).isBetween(0.0, 1.0);
    // Nothing is counted twice: what tells a planted cause's story again is folded under it.
    long naming = answer.explanations().stream().filter(x -> truth.causes().stream()
        .anyMatch(c -> c.values().entrySet().containsAll(x.values().entrySet()) && x.values().containsKey("vendor"))).count();
    assertThat(naming).isEqualTo(truth.causes().size());
    // No explanation is a part of another: parts are shown within what holds them, not beside it, so
    // that the same escalations' excess is not counted twice.
    for (Explanation x : answer.explanations()) {
      assertThat(answer.explanations()).filteredOn(y -> y != x)
          .noneSatisfy(y -> assertThat(y.values()).containsAllEntriesOf(x.values()));
    }
    assertThat(answer.explanations()).allSatisfy(x -> assertThat(x.within()).allSatisfy(part -> {
      assertThat(part.values()).containsAllEntriesOf(x.values());
      assertThat(Math.abs(part.excess())).isLessThan(Math.abs(x.excess()));
    }));
  }

  @Test
  void aBulkImportLeavesThePlannerFreshStatistics() {
    // Without them a fresh import looks tiny to PostgreSQL, and an explanation's examples scan a whole window.
    assertThat(jdbc.queryForObject("select reltuples from pg_class where relname = 'escalation'", Double.class))
        .isGreaterThanOrEqualTo(12000);
  }

  @Test
  void aWindowBeforeAnyCauseHasNoExplanation() {
    LocalDate from = END.minusDays(30);

    Explained answer = engine.explain(ExplainRequest.previous(from, from.plusDays(6), Map.of(), ExplainRequest.Direction.BOTH, 10));

    assertThat(answer.explanations()).isEmpty();
    assertThat(answer.tested()).isGreaterThan(1000);
  }

  @Test
  void aSegmentNamedWithWhereIsExplainedWithinIt() {
    PlantedCause cause = truth.causes().get(0);

    Explained answer = engine.explain(ExplainRequest.previous(cause.start(), END, Map.of("vendor", cause.vendor()),
        ExplainRequest.Direction.RISE, 5));

    assertThat(answer.change().where()).isEqualTo("vendor=" + cause.vendor());
    assertThat(answer.explanations()).isNotEmpty().allSatisfy(x -> assertThat(x.values()).doesNotContainKey("vendor"));
    assertThat(cause.values()).containsAllEntriesOf(answer.explanations().get(0).values());
  }

  @Test
  void escalationsASearchMatchedAreAPopulationAsAWhereIs() {
    String vendor = truth.causes().get(0).vendor();
    java.util.Set<String> ids = new java.util.HashSet<>(jdbc.queryForList(
        "select external_id from escalation where vendor = ?", String.class, vendor));

    Explained byWhere = engine.explain(ExplainRequest.previous(END.minusDays(6), END, Map.of("vendor", vendor),
        ExplainRequest.Direction.BOTH, 10));
    Explained byIds = engine.explain(ExplainRequest.previous(END.minusDays(6), END, Map.of(),
        ExplainRequest.Direction.BOTH, 10).matching(new ExplainRequest.Matching("vendor:\"" + vendor + "\"", ids)));

    assertThat(byIds.change().where()).isEqualTo("all escalations matching 'vendor:\"" + vendor + "\"'");
    assertThat(byIds.change().observed()).isEqualTo(byWhere.change().observed()).isPositive();
    assertThat(byIds.change().baselineObserved()).isEqualTo(byWhere.change().baselineObserved());
    // Within one vendor, the vendor itself explains nothing; the rest of the cause does.
    assertThat(byIds.explanations()).isNotEmpty();
  }

  @Test
  void aValueNearlyEveryEscalationHasDoesNotSharpenAnExplanation() {
    // A month of 2025, apart from the generated data: three vendors, one policy everywhere but at
    // Quill, nearly every escalation by the web; then Quill gets 25 of that policy in the last week.
    java.util.Random random = new java.util.Random(5);
    LocalDate first = LocalDate.of(2025, 6, 1);
    List<Object[]> rows = new java.util.ArrayList<>();
    for (int i = 0; i < 600; i++) {
      String vendor = List.of("Quill", "Birch", "Cedar").get(random.nextInt(3));
      String policy = vendor.equals("Quill") ? "spam" : List.of("spam", "impersonation").get(random.nextInt(2));
      rows.add(row("BY-" + i, first.plusDays(random.nextInt(35)), vendor, policy, random));
    }
    for (int i = 0; i < 25; i++) {
      rows.add(row("BY-PLANT-" + i, first.plusDays(28 + random.nextInt(7)), "Quill", "impersonation", random));
    }
    jdbc.batchUpdate("insert into escalation (external_id, created_at, updated_at, narrative, policy, vendor, channel,"
        + " content_hash) values (?, ?, ?, 'a narrative', ?, ?, ?, ?)", rows);

    Explained answer = engine.explain(ExplainRequest.between(first.plusDays(28), first.plusDays(34), first,
        first.plusDays(27), Map.of(), ExplainRequest.Direction.RISE, 10));

    assertThat(answer.explanations()).isNotEmpty();
    assertThat(answer.explanations().subList(0, Math.min(3, answer.explanations().size())))
        .anySatisfy(x -> assertThat(x.values()).containsEntry("policy", "impersonation"))
        .allSatisfy(x -> assertThat(x.values()).doesNotContainKey("channel"));
  }

  private static Object[] row(String id, LocalDate day, String vendor, String policy, java.util.Random random) {
    java.sql.Timestamp at = java.sql.Timestamp.from(day.atTime(12, 0).toInstant(java.time.ZoneOffset.UTC));
    return new Object[] {id, at, at, policy, vendor, random.nextDouble() < 0.95 ? "web" : "app", id};
  }

  @Test
  void aPartOfARiseThatHoldsOnlySomeOfItsExcessIsShownWithinIt() {
    // April 2023, apart from the generated data: Quill's escalations rise in the last week, most of the
    // rise in one policy but much of it in the others too.
    java.util.Random random = new java.util.Random(13);
    LocalDate first = LocalDate.of(2023, 4, 1);
    List<Object[]> rows = new java.util.ArrayList<>();
    List<String> policies = List.of("spam", "impersonation", "harassment");
    for (int i = 0; i < 1200; i++) {
      rows.add(row("PART-" + i, first.plusDays(random.nextInt(35)), List.of("Quill", "Birch", "Cedar").get(random.nextInt(3)),
          policies.get(random.nextInt(3)), random));
    }
    for (int i = 0; i < 70; i++) {
      rows.add(row("PART-IMP-" + i, first.plusDays(28 + random.nextInt(7)), "Quill", "impersonation", random));
    }
    for (int i = 0; i < 45; i++) {
      rows.add(row("PART-REST-" + i, first.plusDays(28 + random.nextInt(7)), "Quill", List.of("spam", "harassment").get(i % 2),
          random));
    }
    jdbc.batchUpdate("insert into escalation (external_id, created_at, updated_at, narrative, policy, vendor, channel,"
        + " content_hash) values (?, ?, ?, 'a narrative', ?, ?, ?, ?)", rows);

    Explained answer = engine.explain(ExplainRequest.between(first.plusDays(28), first.plusDays(34), first,
        first.plusDays(27), Map.of(), ExplainRequest.Direction.RISE, 10));

    Explanation quill = answer.explanations().get(0);
    assertThat(quill.values()).as(answer.explanations().stream().map(x -> x.description() + " " + x.excess() + " also "
        + x.also() + " within " + x.within().stream().map(Explanation::description).toList()).toList().toString())
        .isEqualTo(Map.of("vendor", "Quill"));
    assertThat(quill.within()).anySatisfy(part -> {
      assertThat(part.values()).isEqualTo(Map.of("vendor", "Quill", "policy", "impersonation"));
      assertThat(part.contribution()).isLessThan(quill.contribution()).isPositive();
    });
    assertThat(answer.explanations()).filteredOn(x -> x != quill)
        .noneSatisfy(x -> assertThat(x.values()).containsEntry("vendor", "Quill"));
  }

  @Test
  void aValueThatRoseOnlyByTheCausesShownIsFoldedUnderThem() {
    // May 2022, apart from the generated data: two problems at two vendors in the last week, both
    // reported more often in the app than usual: "channel app" rises, but only by them.
    java.util.Random random = new java.util.Random(17);
    LocalDate first = LocalDate.of(2022, 5, 1);
    List<Object[]> rows = new java.util.ArrayList<>();
    List<String> policies = List.of("spam", "impersonation", "harassment");
    for (int i = 0; i < 1500; i++) {
      rows.add(carried("BASE-" + i, first.plusDays(random.nextInt(35)), List.of("Quill", "Birch", "Cedar", "Alder")
          .get(random.nextInt(4)), policies.get(random.nextInt(3)), random.nextDouble() < 0.3 ? "app" : "web"));
    }
    for (int i = 0; i < 120; i++) {
      rows.add(carried("QUILL-" + i, first.plusDays(28 + random.nextInt(7)), "Quill", "impersonation",
          random.nextDouble() < 0.6 ? "app" : "web"));
    }
    for (int i = 0; i < 60; i++) {
      rows.add(carried("BIRCH-" + i, first.plusDays(28 + random.nextInt(7)), "Birch", "harassment",
          random.nextDouble() < 0.6 ? "app" : "web"));
    }
    jdbc.batchUpdate("insert into escalation (external_id, created_at, updated_at, narrative, policy, vendor, channel,"
        + " content_hash) values (?, ?, ?, 'a narrative', ?, ?, ?, ?)", rows);

    Explained answer = engine.explain(ExplainRequest.between(first.plusDays(28), first.plusDays(34), first,
        first.plusDays(27), Map.of(), ExplainRequest.Direction.RISE, 10));

    assertThat(answer.explanations().subList(0, 2)).extracting(x -> x.values().get("vendor"))
        .containsExactlyInAnyOrder("Quill", "Birch");
    assertThat(answer.explanations()).as(answer.explanations().stream().map(Explanation::description).toList().toString())
        .noneSatisfy(x -> assertThat(x.values()).isEqualTo(Map.of("channel", "app")));
    assertThat(answer.explanations().get(0).also()).contains("channel app");
  }

  private static Object[] carried(String id, LocalDate day, String vendor, String policy, String channel) {
    java.sql.Timestamp at = java.sql.Timestamp.from(day.atTime(12, 0).toInstant(java.time.ZoneOffset.UTC));
    return new Object[] {id, at, at, policy, vendor, channel, id};
  }

  @Test
  void aVendorWhoseOverturnsRoseExplainsTheRiseOfTheOverturnedShare() {
    // March 2024, apart from the generated data: four vendors, 10 % of reviews overturned; in the last
    // week one vendor's overturns rise to half of its reviews, with no more escalations than before.
    java.util.Random random = new java.util.Random(9);
    LocalDate first = LocalDate.of(2024, 3, 1);
    List<Object[]> rows = new java.util.ArrayList<>();
    for (int i = 0; i < 1400; i++) {
      LocalDate day = first.plusDays(random.nextInt(35));
      String vendor = List.of("Quill", "Birch", "Cedar", "Alder").get(random.nextInt(4));
      boolean lastWeek = !day.isBefore(first.plusDays(28));
      double overturned = vendor.equals("Alder") && lastWeek ? 0.5 : 0.1;
      java.sql.Timestamp at = java.sql.Timestamp.from(day.atTime(12, 0).toInstant(java.time.ZoneOffset.UTC));
      rows.add(new Object[] {"OV-" + i, at, at, "spam", vendor, List.of("BR", "MX").get(random.nextInt(2)),
          random.nextDouble() < overturned ? "overturned" : "upheld", "OV-" + i});
    }
    jdbc.batchUpdate("insert into escalation (external_id, created_at, updated_at, narrative, policy, vendor, market,"
        + " outcome, content_hash) values (?, ?, ?, 'a narrative', ?, ?, ?, ?, ?)", rows);
    ExplainRequest question = ExplainRequest.between(first.plusDays(28), first.plusDays(34), first, first.plusDays(27),
        Map.of(), ExplainRequest.Direction.BOTH, 10).measuring(ExplainRequest.Share.parse("share:outcome=overturned"));

    Explained answer = engine.explain(question);

    assertThat(answer.change().metric()).isEqualTo("share:outcome=overturned");
    assertThat(answer.change().summary()).startsWith("All escalations: ").contains(" with outcome overturned in the window (");
    assertThat(answer.change().excess()).isPositive();
    Explanation first1 = answer.explanations().get(0);
    assertThat(first1.values()).containsExactly(Map.entry("vendor", "Alder"));
    assertThat(first1.contribution()).isGreaterThan(0.5);
    assertThat(first1.q()).isLessThan(0.05);
    assertThat(answer.explanations()).allSatisfy(x -> assertThat(x.values()).doesNotContainKey("outcome"));
    assertThat(jdbc.queryForObject("select outcome from escalation where external_id = ?", String.class,
        first1.examples().get(0))).as("the examples are escalations with the value").isEqualTo("overturned");
    assertThat(answer.daily().get(answer.daily().size() - 1).hits()).isNotNull();
    // By count, Alder itself did not change: it has as many escalations as before.
    assertThat(engine.explain(question.measuring(null)).explanations())
        .noneSatisfy(x -> assertThat(x.values()).isEqualTo(Map.of("vendor", "Alder")));
    assertThatThrownBy(() -> question.measuring(ExplainRequest.Share.parse("share:site=Manila")))
        .hasMessageContaining("write share:DIM=VALUE");
    assertThatThrownBy(() -> ExplainRequest.between(first.plusDays(28), first.plusDays(34), first, first.plusDays(27),
        Map.of("outcome", "upheld"), ExplainRequest.Direction.BOTH, 10).measuring(ExplainRequest.Share.parse("share:outcome=overturned")))
        .hasMessageContaining("the share is 0 or 100 %");
    assertThatThrownBy(() -> ExplainRequest.Share.parse("ratio")).hasMessageStartingWith("--metric is 'ratio': count, or share:");
  }

  @Test
  void badQuestionsGetOneClearLine() {
    assertThatThrownBy(() -> ExplainRequest.between(END, END.plusDays(6), END.minusDays(3), END.plusDays(1), Map.of(),
        ExplainRequest.Direction.BOTH, 10)).hasMessageContaining("overlaps the window");
    assertThatThrownBy(() -> ExplainRequest.previous(END, END, Map.of("site", "Manila"), ExplainRequest.Direction.BOTH, 10))
        .hasMessageContaining("'site' is not a dimension");
    assertThatThrownBy(() -> engine.explain(ExplainRequest.previous(END, END, Map.of("vendor", "Nobody"),
        ExplainRequest.Direction.BOTH, 10))).hasMessageContaining("no escalations (vendor=Nobody) in the baseline");
    assertThatThrownBy(() -> engine.explain(ExplainRequest.previous(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 1, 7),
        Map.of(), ExplainRequest.Direction.BOTH, 10))).hasMessageContaining("nor in the window 2020-01-01 – 2020-01-07");

    StringWriter err = new StringWriter();
    CommandLine cli = EscalationRca.commandLine();
    cli.setErr(new PrintWriter(err));
    int exit = cli.execute("explain", "--from", "2026-11-20", "--to", "2026-11-10");

    assertThat(exit).isEqualTo(2);
    // One line naming the reason, not buried under the usage text.
    assertThat(err.toString().strip()).isEqualTo("error: the window ends (2026-11-10) before it starts (2026-11-20)");
  }

  @Test
  void aDayAgainstTheSameWeekdaysOfFourWeeksBeforeNamesTheCauseRunningThatDay() {
    PlantedCause cause = truth.causes().get(0);

    ExplainRequest request = ExplainRequest.weekdays(END, END, 4, Map.of(), ExplainRequest.Direction.BOTH, 10);
    Explained answer = engine.explain(request);

    assertThat(request.baselineDays()).isEqualTo(4);
    assertThat(answer.change().baseline()).isEqualTo("2026-11-13, 2026-11-06, 2026-10-30, 2026-10-23");
    assertThat(answer.change().expected()).isEqualTo(answer.change().baselineObserved() / 4.0);
    assertThat(answer.explanations()).anySatisfy(x -> {
      assertThat(x.values()).containsKey("vendor");
      assertThat(cause.values()).containsAllEntriesOf(x.values());
    });
    assertThatThrownBy(() -> ExplainRequest.weekdays(END.minusDays(9), END, 4, Map.of(), ExplainRequest.Direction.BOTH, 10))
        .hasMessageContaining("at most 7 days");
  }

  @Test
  void explanationsAreRankedByTheShareOfTheChangeTheyAccountFor() {
    LocalDate start = truth.causes().get(0).start();
    List<Explanation> explanations =
        engine.explain(ExplainRequest.previous(start, END, Map.of(), ExplainRequest.Direction.RISE, 10)).explanations();

    assertThat(explanations).isNotEmpty().allSatisfy(x -> assertThat(x.excess()).isPositive());
    assertThat(explanations).extracting(Explanation::excess).isSortedAccordingTo((a, b) -> Double.compare(b, a));
  }
}
