package com.escalationrca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.escalationrca.generate.DatasetWriter;
import com.escalationrca.generate.GeneratorSpec;
import com.escalationrca.generate.GroundTruth;
import com.escalationrca.generate.PlantedCause;
import com.escalationrca.index.EscalationSearcher;
import com.escalationrca.ingest.EscalationImporter;
import com.escalationrca.ingest.ImportCounts;
import com.escalationrca.ingest.ImportLedger;
import com.escalationrca.job.NightlyRunLauncher;
import com.escalationrca.report.RunReport;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole product on a real (embedded) PostgreSQL: imports with bad rows, idempotent re-imports,
 * the nightly job finding a planted root cause, run-date bookkeeping, and the CFPB sample.
 */
@SpringBootTest(classes = EscalationRcaApplication.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NightlyRunIntegrationTest {

  private static final Path ROOT = TestFolders.temporary("rca-it-");
  private static final LocalDate RUN_DATE = LocalDate.of(2026, 3, 1);

  @DynamicPropertySource
  static void storage(DynamicPropertyRegistry registry) {
    TestFolders.storage(registry, ROOT);
  }

  @Autowired
  EscalationImporter importer;
  @Autowired
  ImportLedger ledger;
  @Autowired
  NightlyRunLauncher launcher;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  com.escalationrca.index.IndexRebuilder rebuilder;

  private static Path fixture(String name) throws URISyntaxException {
    return Path.of(NightlyRunIntegrationTest.class.getResource("/fixtures/" + name).toURI());
  }

  @Test
  @Order(1)
  void theEmbeddedDatabaseIsAsDurableAsAnyPostgres() {
    // The embedded server once ran with test settings (fsync off): a power cut could corrupt it.
    assertThat(jdbc.queryForObject("show fsync", String.class)).isEqualTo("on");
    assertThat(jdbc.queryForObject("show synchronous_commit", String.class)).isEqualTo("on");
    assertThat(jdbc.queryForObject("show full_page_writes", String.class)).isEqualTo("on");
  }

  @Test
  @Order(1)
  void importCountsAddUpOnAFileWithBadRowsAndEveryRejectedRowKeepsItsReason() throws Exception {
    var result = importer.importFile(fixture("bad-rows.csv"), "native", c -> { });

    assertThat(result.counts()).isEqualTo(new ImportCounts(7, 2, 0, 0, 0, 5));
    assertThat(ledger.rejections(result.importId())).containsExactly(
        "record 2 (line 3): 'created' is '2026-13-45', not a date (expected iso)",
        "record 3 (line 4): 'id' is empty; every escalation needs an id",
        "record 4 (line 5): 'narrative' is empty; the job analyses narratives",
        "record 5 (line 6): malformed CSV: the row has 5 fields but the header has 4",
        "record 6 (line 7): 'narrative' contains bytes that are not valid UTF-8");
    assertThat(jdbc.queryForObject("select count(*) from rejected_row where import_id = ? and raw like 'B2,%'",
        Long.class, result.importId())).isEqualTo(1);
  }

  @Test
  @Order(2)
  void theNightlyRunFindsEveryPlantedCauseAmongTheTopFindings() throws Exception {
    Path data = ROOT.resolve("generated.jsonl");
    // One cause is a vendor misapplying one policy in one market, on a problem that occurs under
    // every policy; the other is a random theme.
    GroundTruth truth = new DatasetWriter().write(
        new GeneratorSpec(5000, 42, 5, RUN_DATE, 2, 0, List.of("wrong_policy_applied")), data);
    var first = importer.importFile(data, "native", c -> { });
    var again = importer.importFile(data, "native", c -> { });

    assertThat(first.counts()).isEqualTo(new ImportCounts(5000, 5000, 0, 0, 0, 0));
    assertThat(again.counts()).isEqualTo(new ImportCounts(5000, 0, 0, 5000, 0, 0));

    NightlyRunLauncher.RunOutcome outcome = launcher.run(RUN_DATE, false, false);

    Outcomes.completed(outcome);
    Path report = Path.of(outcome.reportPath());
    assertThat(report).isEqualTo(ROOT.resolve("reports").resolve(RUN_DATE.toString()));
    for (String file : List.of("findings.json", "clusters.csv", "findings.csv", "assignments.csv", "summary.md", "index.html")) {
      assertThat(report.resolve(file)).isNotEmptyFile();
    }
    RunReport findings = JsonMapper.builder().build().readValue(report.resolve("findings.json").toFile(), RunReport.class);
    assertThat(findings.counts().clustered() + findings.counts().unclustered()).isEqualTo(findings.counts().inWindow());
    assertThat(Files.readAllLines(report.resolve("assignments.csv"))).hasSize((int) findings.counts().inWindow() + 1);

    Map<String, String> themeOf = Files.readAllLines(DatasetWriter.labelsFile(data)).stream().skip(1)
        .map(l -> l.split(",")).collect(Collectors.toMap(p -> p[0], p -> p[1]));
    List<RunReport.FindingSummary> top = findings.findings().stream().limit(5).toList();
    for (PlantedCause cause : truth.causes()) {
      assertThat(top).as("top findings %s should name %s", top, cause.describe()).anySatisfy(f -> {
        // The vendor, alone or with the market (and policy) the cause was planted in.
        assertThat(cause.isNamedBy(f.dimension(), f.value())).isTrue();
        assertThat(f.qValue()).isLessThan(0.05);
        assertThat(f.exampleIds()).allMatch(id -> themeOf.get(id).equals(cause.theme()));
        // The cause started on a known day: the finding dates it and says so.
        assertThat(f.since()).isNotNull().isBetween(cause.start().minusDays(2), cause.start().plusDays(2));
        assertThat(f.summary()).startsWith("Since ");
      });
    }
    // The misapplied policy is named in full (policy, vendor and market), and that full naming comes
    // first among the findings that name the cause at all.
    PlantedCause misapplied = truth.causes().get(0);
    RunReport.FindingSummary named = findings.findings().stream()
        .filter(f -> misapplied.isNamedBy(f.dimension(), f.value())).findFirst().orElseThrow();
    assertThat(named.rank()).isLessThanOrEqualTo(5);
    assertThat(named.dimension()).isEqualTo("policy ∧ vendor ∧ market");
    assertThat(named.value()).isEqualTo(String.join(" ∧ ", misapplied.policy(), misapplied.vendor(), misapplied.market()));
    assertThat(named.summary()).contains("under policy " + misapplied.policy() + " from vendor " + misapplied.vendor()
        + " in market " + misapplied.market());
    String summaryMd = Files.readString(report.resolve("summary.md"));
    assertThat(summaryMd).contains("## Top causes", top.get(0).summary());
    // One entry per cause: the two planted causes lead the morning read, each named once.
    assertThat(findings.causes()).hasSizeGreaterThanOrEqualTo(2);
    for (RunReport.CauseSummary cause : findings.causes().subList(0, 2)) {
      RunReport.FindingSummary lead = findings.findings().get(cause.leadRank() - 1);
      assertThat(truth.causes()).as(lead.summary()).anyMatch(c -> c.isNamedBy(lead.dimension(), lead.value()));
      assertThat(cause.clusters()).isNotEmpty();
      assertThat(cause.topTerms()).isNotEmpty();
    }
    // The morning read states a cause once; the other clusters it shows in are folded under it.
    String sentence = "under policy " + misapplied.policy() + " from vendor " + misapplied.vendor() + " in market "
        + misapplied.market();
    assertThat(summaryMd.split(java.util.regex.Pattern.quote(sentence), -1)).hasSize(2);
    if (findings.findings().stream().filter(f -> f.value().equals(named.value())).count() > 1) {
      assertThat(summaryMd).contains("   - also: ");
    }
  }

  @Test
  @Order(3)
  void aCompletedDateIsRefusedUnlessRerunAndARerunOnlyAnalysesWhatChanged() throws Exception {
    assertThatThrownBy(() -> launcher.run(RUN_DATE, false, false))
        .hasMessageContaining("already completed; use --rerun");

    NightlyRunLauncher.RunOutcome rerun = launcher.run(RUN_DATE, false, true);

    Outcomes.completed(rerun);
    // Unchanged data, second night: every cluster keeps its id and label and is stable.
    List<Map<String, Object>> nights = jdbc.queryForList("""
        select r.run_id, c.cluster_id, c.label, c.status from rca_cluster c join rca_run r on r.run_id = c.run_id
        where r.run_date = ? order by r.run_id, c.cluster_id
        """, RUN_DATE);
    Map<Object, List<String>> idsByRun = nights.stream().collect(Collectors.groupingBy(r -> r.get("run_id"),
        java.util.TreeMap::new, Collectors.mapping(r -> r.get("cluster_id") + " " + r.get("label"), Collectors.toList())));
    assertThat(idsByRun).hasSize(2);
    assertThat(List.copyOf(idsByRun.values()).get(1)).isEqualTo(List.copyOf(idsByRun.values()).get(0));
    assertThat(nights.stream().skip(nights.size() / 2).map(r -> r.get("status"))).containsOnly("STABLE");
    // Same data, same findings: every finding continues and none ended.
    assertThat(jdbc.queryForList("""
        select distinct f.change from finding f where f.run_id = (select max(run_id) from rca_run where run_date = ?)
        """, String.class, RUN_DATE)).containsExactly("continuing");
    RunReport second = JsonMapper.builder().build()
        .readValue(Path.of(rerun.reportPath()).resolve("findings.json").toFile(), RunReport.class);
    assertThat(second.ended()).isEmpty();
    assertThat(second.findings()).isNotEmpty().allMatch(f -> f.change().equals("continuing"));
    assertThat(rerun.steps()).filteredOn(s -> s.step().equals("analyzeStep"))
        .singleElement().satisfies(s -> assertThat(s.items()).isZero());
    assertThat(jdbc.queryForObject("select count(*) from rca_run where run_date = ? and status = 'COMPLETED'",
        Long.class, RUN_DATE)).isEqualTo(2);
  }

  @Test
  @Order(4)
  void theNextNightAnalysesOnlyTheEscalationsThatChanged() throws Exception {
    Path changed = ROOT.resolve("changed.jsonl");
    Files.writeString(changed, """
        {"id":"ESC-00000001","created":"2026-02-27T10:00:00Z","narrative":"Someone posted my home address and my phone, still up","vendor":"Atlas Review","market":"US","language":"en","policy":"private_information"}
        {"id":"NEW-1","created":"2026-03-01T09:00:00Z","narrative":"Giveaway bots keep replying with a crypto link","vendor":"Lumen CX","market":"GB","language":"en","policy":"spam"}
        """);
    assertThat(importer.importFile(changed, "native", c -> { }).counts()).isEqualTo(new ImportCounts(2, 1, 1, 0, 0, 0));

    NightlyRunLauncher.RunOutcome next = launcher.run(RUN_DATE.plusDays(1), false, false);

    Outcomes.completed(next);
    assertThat(next.steps()).filteredOn(s -> s.step().equals("analyzeStep"))
        .singleElement().satisfies(s -> assertThat(s.items()).isEqualTo(2));
    // Both are English narratives in the window: embedded again, and nothing else.
    assertThat(next.steps()).filteredOn(s -> s.step().equals("embedStep"))
        .singleElement().satisfies(s -> assertThat(s.items()).isEqualTo(2));
  }

  @Test
  @Order(5)
  void embeddingsMadeByAnotherModelAreMadeAgainAndOnlyThose() throws Exception {
    // 25 vectors of the next night's window, as if an older model had made them.
    int stale = jdbc.update("""
        update narrative_embedding set model = 'older-model@0.1' where escalation_id in
          (select v.escalation_id from narrative_embedding v join escalation e on e.id = v.escalation_id
           where e.created_at >= '2026-02-04' order by v.escalation_id limit 25)
        """);
    assertThat(stale).isEqualTo(25);

    NightlyRunLauncher.RunOutcome rerun = launcher.run(RUN_DATE.plusDays(1), false, true);

    Outcomes.completed(rerun);
    assertThat(rerun.steps()).filteredOn(s -> s.step().equals("embedStep"))
        .singleElement().satisfies(s -> assertThat(s.items()).isEqualTo(25));
    assertThat(jdbc.queryForList("select distinct model from narrative_embedding", String.class))
        .containsExactly(com.escalationrca.nlpmodels.SentenceEncoder.currentIdentity());
  }

  @Test
  @Order(6)
  void searchFindsIndexedEscalationsByPhraseAndVendor() {
    try (EscalationSearcher searcher = EscalationSearcher.open(ROOT.resolve("data").resolve("index"))) {
      long all = searcher.count("*:*");
      assertThat(all).isEqualTo(5003);
      assertThat(searcher.count("id:ESC-00000001 AND \"my phone\"")).isEqualTo(1);
      assertThat(searcher.count("\"home address\"")).isPositive();
      assertThat(searcher.search("\"home address\" AND vendor:\"Atlas Review\"", 5))
          .allSatisfy(hit -> assertThat(hit.vendor()).isEqualTo("Atlas Review"));
      // Every window escalation carries its cluster from the latest run.
      assertThat(searcher.search("*:*", 10)).allSatisfy(hit -> assertThat(hit.cluster()).matches("C\\d{4}|"));
    }
  }

  @Test
  @Order(7)
  void reindexingFromPostgresGivesTheSameIndexAsTheNightlyIncrementalOne() {
    Path index = ROOT.resolve("data").resolve("index");
    List<String> incremental = everyDocument(index);

    assertThat(rebuilder.rebuild()).isEqualTo(incremental.size());
    assertThat(everyDocument(index)).isEqualTo(incremental);
  }

  /** Every document's id, cluster, vendor and policy, sorted: what search can see of the index. */
  private static List<String> everyDocument(Path index) {
    try (EscalationSearcher searcher = EscalationSearcher.open(index)) {
      var result = searcher.search(new com.escalationrca.index.SearchRequest("*:*", null, null, null, null,
          List.of(), 100_000, 1));
      return result.hits().stream().map(h -> h.id() + " " + h.cluster() + " " + h.vendor() + " " + h.policy())
          .sorted().toList();
    }
  }

  /** The real-data cause the CFPB test plants: complaints of one issue moved onto one company lately. */
  private static final String PLANTED_ISSUE = "Improper use of your report";
  private static final String PLANTED_COMPANY = "WELLS FARGO & COMPANY";
  private static final LocalDate CFPB_RUN_DATE = LocalDate.of(2023, 7, 31);

  @Test
  @Order(8)
  void aCauseMovedIntoRealComplaintsIsFoundAndEveryFindingRecountsFromTheRawRows() throws Exception {
    Path planted = plantedCfpbFile();
    var result = importer.importFile(planted, "cfpb", c -> { });
    assertThat(result.counts()).isEqualTo(new ImportCounts(449, 389, 0, 0, 60, 0));

    NightlyRunLauncher.RunOutcome outcome = launcher.run(CFPB_RUN_DATE, false, false);

    Outcomes.completed(outcome);
    RunReport report = JsonMapper.builder().build()
        .readValue(Path.of(outcome.reportPath()).resolve("findings.json").toFile(), RunReport.class);
    assertThat(report.counts().analyzed()).isEqualTo(389);
    String words = report.clusters().stream().map(c -> c.label() + " " + String.join(" ", c.topTerms()))
        .collect(Collectors.joining(" ")).toLowerCase();
    // Words of the sample's issues: unrecognised inquiries, identity theft, incorrect (inaccurate)
    // information, mortgage trouble. "report" is in over 40 % of the complaints: too common to weigh.
    assertThat(words).contains("inquir", "identity", "inaccurate", "mortgage");

    // The first cause of the morning read is the company taking on the issue, named by both.
    PlantedCause cause = new PlantedCause(PLANTED_ISSUE, PLANTED_ISSUE, PLANTED_COMPANY, null,
        CFPB_RUN_DATE.minusDays(3), 15, List.of());
    RunReport.CauseSummary first = report.causes().get(0);
    RunReport.FindingSummary lead = report.findings().get(first.leadRank() - 1);
    assertThat(cause.isNamedBy(lead.dimension(), lead.value())).as(lead.summary()).isTrue();
    assertThat(lead.value()).contains(PLANTED_ISSUE);
    assertThat(lead.since()).isBetween(CFPB_RUN_DATE.minusDays(6), CFPB_RUN_DATE.minusDays(2));
    assertThat(Files.readString(Path.of(outcome.reportPath()).resolve("summary.md")))
        .contains("1. **New:** " + lead.summary());

    // Every finding can be checked by counting rows: the planted CSV joined with assignments.csv.
    Map<String, Map<String, String>> rows = cfpbRows(planted);
    Map<String, String> clusterOf = Files.readAllLines(Path.of(outcome.reportPath()).resolve("assignments.csv"))
        .stream().skip(1).map(l -> l.split(",")).collect(Collectors.toMap(p -> p[0], p -> p[1]));
    java.util.function.Predicate<String> recent = id -> !LocalDate.parse(rows.get(id).get("Date received"))
        .isBefore(CFPB_RUN_DATE.minusDays(6));
    // A rise of words is recounted from the words the analysis stored for each narrative.
    Map<String, java.util.Set<String>> wordsOf = new java.util.HashMap<>();
    jdbc.query("select e.external_id, a.terms, a.phrases from escalation e join narrative_analysis a on a.escalation_id = e.id",
        rs -> {
          wordsOf.put(rs.getString(1), new java.util.HashSet<>(
              com.escalationrca.nlp.AnalysisStore.words(rs.getString(2), rs.getString(3))));
        });
    for (RunReport.FindingSummary f : report.findings()) {
      List<String> dimensions = List.of(f.dimension().split(" ∧ "));
      List<String> values = List.of(f.value().split(" ∧ "));
      java.util.function.Predicate<String> inPopulation = id -> f.clusterId().equals("all")
          || clusterOf.get(id).equals(f.clusterId());
      java.util.function.Predicate<String> hasValues = id -> f.dimension().isEmpty() || java.util.stream.IntStream
          .range(0, dimensions.size())
          .allMatch(i -> dimensions.get(i).equals("words") ? wordsOf.getOrDefault(id, java.util.Set.of()).contains(values.get(i))
              : values.get(i).equals(rows.get(id).get(CFPB_COLUMN.get(dimensions.get(i)))));
      if (f.kind().equals("surge")) {
        // The last 7 days against the cell's share of the window: n × recent volume ÷ window volume.
        long n = clusterOf.keySet().stream().filter(inPopulation.and(hasValues)).count();
        assertThat(f.observed()).as(f.summary()).isEqualTo(
            clusterOf.keySet().stream().filter(inPopulation.and(hasValues)).filter(recent).count());
        assertThat(f.expected()).as(f.summary()).isCloseTo(
            (double) n * clusterOf.keySet().stream().filter(recent).count() / clusterOf.size(),
            org.assertj.core.api.Assertions.within(1e-6));
        continue;
      }
      // A policy-level finding's population is the policy (its first value); a cluster's, the cluster.
      java.util.function.Predicate<String> population = f.clusterId().equals("all")
          ? id -> values.get(0).equals(rows.get(id).get(CFPB_COLUMN.get(dimensions.get(0))))
          : id -> clusterOf.get(id).equals(f.clusterId());
      java.util.function.Predicate<String> cell = f.clusterId().equals("all")
          ? id -> java.util.stream.IntStream.range(1, dimensions.size())
              .allMatch(i -> values.get(i).equals(rows.get(id).get(CFPB_COLUMN.get(dimensions.get(i)))))
          : hasValues;
      long inPopulationCount = clusterOf.keySet().stream().filter(population).count();
      long withValues = clusterOf.keySet().stream().filter(cell).count();
      assertThat(f.observed()).as(f.summary()).isEqualTo(
          clusterOf.keySet().stream().filter(population.and(cell)).count());
      // One language stratum here (every narrative is English), so expected = population × values ÷ window.
      assertThat(f.expected()).as(f.summary()).isCloseTo((double) inPopulationCount * withValues / clusterOf.size(),
          org.assertj.core.api.Assertions.within(1e-6));
    }
  }

  /**
   * The CFPB fixture with 15 complaints of {@link #PLANTED_ISSUE} from other companies moved onto
   * {@link #PLANTED_COMPANY} and into the last four days before the run date.
   */
  private static Path plantedCfpbFile() throws Exception {
    Path planted = ROOT.resolve("cfpb-planted.csv");
    try (var parser = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(Files.newBufferedReader(fixture("cfpb-narratives.csv")));
         var printer = org.apache.commons.csv.CSVFormat.RFC4180.builder()
             .setHeader(parser.getHeaderNames().toArray(String[]::new)).get().print(Files.newBufferedWriter(planted))) {
      int moved = 0;
      for (var record : parser.getRecords()) {
        Map<String, String> row = new java.util.LinkedHashMap<>(record.toMap());
        if (moved < 15 && !row.get("Consumer complaint narrative").isBlank() && row.get("Issue").equals(PLANTED_ISSUE)
            && !row.get("Company").equals(PLANTED_COMPANY)) {
          row.put("Company", PLANTED_COMPANY);
          row.put("Date received", CFPB_RUN_DATE.minusDays(moved % 4).toString());
          moved++;
        }
        printer.printRecord(row.values());
      }
      assertThat(moved).isEqualTo(15);
    }
    return planted;
  }

  private static final Map<String, String> CFPB_COLUMN = Map.of("policy", "Issue", "vendor", "Company",
      "market", "State", "channel", "Submitted via", "outcome", "Company response to consumer");

  /** A CFPB file's rows by Complaint ID, parsed independently of the importer. */
  private static Map<String, Map<String, String>> cfpbRows(Path file) throws Exception {
    try (var parser = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(Files.newBufferedReader(file))) {
      return parser.getRecords().stream().collect(Collectors.toMap(r -> r.get("Complaint ID"), r -> r.toMap()));
    }
  }

  /** Personal data planted often enough that, unredacted, it would surface as terms and labels. */
  private static final List<String> PII_TEMPLATES = List.of(
      "%s my name is Maria Silva and someone posted my home address, call me at +1 (555) 201-7788 or maria.silva77@mail.example.org",
      "%s Mr. John Carter keeps harassing me from @johncarter_real, see https://social.example.com/johncarter_real/status/98765432101",
      "%s my card 4111 1111 1111 1111 was charged after a fake crypto giveaway asked for my SSN 123-45-6789",
      "%s meu nome é João Souza e publicaram meu CPF 123.456.789-09 junto com meu telefone +55 11 91234-5678",
      "%s me llamo Carlos Ruiz y publicaron mi correo carlos.ruiz@mail.example.org y mi teléfono +52 55 1234 5678");
  private static final List<String> PII = List.of("maria silva", "silva", "maria.silva77", "201-7788", "john carter",
      "carter", "johncarter", "98765432101", "4111", "123-45-6789", "joão souza", "souza", "123.456.789",
      "91234-5678", "carlos ruiz", "ruiz", "carlos.ruiz", "1234 5678");

  @Test
  @Order(9)
  void noReportFileContainsThePersonalDataPlantedInTheNarratives() throws Exception {
    StringBuilder jsonl = new StringBuilder();
    String[] openers = {"Urgent:", "Hello,", "Escalating:", "Please help,", "Again", "Reporter says"};
    for (int i = 0; i < 200; i++) {
      String narrative = String.format(PII_TEMPLATES.get(i % PII_TEMPLATES.size()), openers[i % openers.length]);
      jsonl.append(String.format("{\"id\":\"PII-%03d\",\"created\":\"2025-05-%02dT10:00:00Z\",\"narrative\":\"%s\","
          + "\"vendor\":\"Atlas Review\",\"market\":\"US\",\"policy\":\"private_information\"}%n",
          i, 1 + i % 28, narrative));
    }
    Path corpus = ROOT.resolve("pii.jsonl");
    Files.writeString(corpus, jsonl);
    assertThat(importer.importFile(corpus, "native", c -> { }).counts().inserted()).isEqualTo(200);

    NightlyRunLauncher.RunOutcome outcome = launcher.run(LocalDate.of(2025, 5, 31), false, false);

    Outcomes.completed(outcome);
    Path report = Path.of(outcome.reportPath());
    try (var files = Files.list(report)) {
      for (Path file : files.toList()) {
        String content = Files.readString(file).toLowerCase(java.util.Locale.ROOT);
        assertThat(PII).as("personal data in %s", file.getFileName()).noneMatch(content::contains);
      }
    }
    RunReport published = JsonMapper.builder().build().readValue(report.resolve("findings.json").toFile(), RunReport.class);
    assertThat(published.counts().clustered()).as("the corpus forms clusters, so labels were made").isPositive();
    // The index keeps the original narrative for authorised search.
    try (EscalationSearcher searcher = EscalationSearcher.open(ROOT.resolve("data").resolve("index"))) {
      assertThat(searcher.count("\"Maria Silva\"")).isEqualTo(40);
    }
  }

  @Test
  @Order(10)
  void theSearchCommandPrintsHitsAndFacetsAsJson() throws Exception {
    var json = json("search", "--data-dir", ROOT.resolve("data").toString(), "\"home address\"", "--facet",
        "vendor,detected_language", "--from", "2026-02-01", "--to", "2026-03-01", "--limit", "3", "--json");

    assertThat(json.get("total").asLong()).isPositive();
    assertThat(json.get("hits")).hasSize(3);
    assertThat(json.get("hits").get(0).get("snippet").asString()).containsPattern("(?i)<b>home(</b> <b>| )address</b>");
    assertThat(json.get("facets").get("vendor").properties()).isNotEmpty();
  }

  @Test
  @Order(10)
  void explainNarrowedByASearchQueryCountsOnlyTheEscalationsItMatches() throws Exception {
    var all = explainJson("--from", "2026-02-22", "--to", "2026-02-28");
    var matching = explainJson("--from", "2026-02-22", "--to", "2026-02-28", "--query", "\"home address\"");
    long inWindow;
    try (EscalationSearcher searcher = EscalationSearcher.open(ROOT.resolve("data").resolve("index"))) {
      inWindow = searcher.externalIds("\"home address\"").stream().filter(id -> jdbc.queryForObject(
          "select created_at >= '2026-02-22' and created_at < '2026-03-01' from escalation where external_id = ?",
          Boolean.class, id)).count();
    }

    assertThat(matching.get("change").get("where").asString()).isEqualTo("all escalations matching '\"home address\"'");
    assertThat(matching.get("change").get("observed").asLong()).isEqualTo(inWindow).isPositive()
        .isLessThan(all.get("change").get("observed").asLong());

    // Is an escalation part of a pattern? It and its 200 look-alikes are the population.
    String one = jdbc.queryForObject("select external_id from escalation where created_at >= '2026-02-22'"
        + " and created_at < '2026-03-01' order by external_id limit 1", String.class);
    var alike = explainJson("--from", "2026-02-22", "--to", "2026-02-28", "--similar", one);
    assertThat(alike.get("change").get("where").asString()).startsWith("all escalations like " + one + " (its ");
    assertThat(alike.get("change").get("observed").asLong() + alike.get("change").get("baselineObserved").asLong())
        .isBetween(2L, 201L);
  }

  private tools.jackson.databind.JsonNode explainJson(String... options) {
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("explain", "--data-dir",
        ROOT.resolve("data").toString(), "--json"));
    args.addAll(java.util.List.of(options));
    return json(args.toArray(String[]::new));
  }

  /** Runs a command as `rca` would and reads what it printed on stdout as JSON; it must exit 0. */
  private static tools.jackson.databind.JsonNode json(String... args) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    java.io.PrintStream original = System.out;
    int exit;
    try {
      System.setOut(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
      exit = com.escalationrca.cli.EscalationRca.commandLine().execute(args);
    } finally {
      System.setOut(original);
    }
    assertThat(exit).isZero();
    return JsonMapper.builder().build().readTree(out.toString(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  @Order(11)
  void aFailedNightRestartsFromTheFailedStepAndLosesNothing() throws Exception {
    LocalDate night = RUN_DATE.plusDays(4);
    Path late = ROOT.resolve("late.jsonl");
    Files.writeString(late, """
        {"id":"LATE-1","created":"2026-03-04T08:00:00Z","narrative":"Crypto giveaway bots are back in the replies","vendor":"Lumen CX","market":"GB","language":"en","policy":"spam"}
        """);
    importer.importFile(late, "native", c -> { });
    // Break the correlate step's output table so the night fails after analysis and clustering.
    jdbc.execute("alter table finding rename to finding_broken");
    NightlyRunLauncher.RunOutcome failed;
    try {
      failed = launcher.run(night, false, false);
    } finally {
      jdbc.execute("alter table finding_broken rename to finding");
    }
    assertThat(failed.status()).isEqualTo(BatchStatus.FAILED);
    assertThat(jdbc.queryForObject("select count(*) from rca_run where run_date = ? and status = 'COMPLETED'",
        Long.class, night)).isZero();

    NightlyRunLauncher.RunOutcome restarted = launcher.run(night, false, false);

    Outcomes.completed(restarted);
    // Completed steps are not repeated: the restart begins where the night failed.
    assertThat(restarted.steps()).extracting(NightlyRunLauncher.StepTiming::step)
        .containsExactly("correlateStep", "publishStep", "deliverStep", "retainStep");
    assertThat(jdbc.queryForObject("""
        select count(*) from narrative_analysis a join escalation e on e.id = a.escalation_id
        where e.external_id = 'LATE-1'
        """, Long.class)).isEqualTo(1);
    assertThat(Path.of(restarted.reportPath()).resolve("findings.json")).isNotEmptyFile();
  }
}
