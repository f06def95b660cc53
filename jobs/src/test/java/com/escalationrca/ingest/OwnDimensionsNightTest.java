package com.escalationrca.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import com.escalationrca.EscalationRcaApplication;
import com.escalationrca.Outcomes;
import com.escalationrca.TestFolders;
import com.escalationrca.correlate.Finding;
import com.escalationrca.generate.EscalationGenerator;
import com.escalationrca.generate.GeneratedEscalation;
import com.escalationrca.generate.GeneratorSpec;
import com.escalationrca.index.EscalationSearcher;
import com.escalationrca.index.SearchRequest;
import com.escalationrca.job.NightlyRunLauncher;
import com.escalationrca.report.RunReport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * A team's own dimensions end to end on a real PostgreSQL: declared in the taxonomy file (a review
 * site, a queue), named by an import mapping or read from a source column, kept without a column of
 * their own, back-filled from columns imported before they were declared, and then found, searched
 * and counted like the eight: a problem moved onto one site, spread over every vendor and market, is
 * reported at that site.
 */
@SpringBootTest(classes = EscalationRcaApplication.class)
class OwnDimensionsNightTest {

  private static final Path ROOT = TestFolders.temporary("rca-own-dimensions-");
  private static final LocalDate RUN_DATE = LocalDate.of(2026, 3, 1);
  private static final List<String> SITES = List.of("Manila", "Cebu", "Lisbon", "Bogotá", "Austin", "Dublin");
  private static final List<String> QUEUES = List.of("appeals", "standard", "priority");

  @DynamicPropertySource
  static void configuration(DynamicPropertyRegistry registry) throws IOException {
    TestFolders.storage(registry, ROOT);
    Path config = Files.createDirectories(ROOT.resolve("config"));
    Files.writeString(config.resolve("taxonomy.yml"), Files.readString(Path.of("config/taxonomy.yml")) + """
          - name: site
            phrase: at site
            aliases:
              Manila: [MNL]
          - name: queue
            phrase: in queue
            source: Queue
        """);
    Path mappings = Files.createDirectories(config.resolve("mappings"));
    Files.writeString(mappings.resolve("tickets.yml"), Files.readString(Path.of("config/mappings/native.yml"))
        .replace("fields:\n", "fields:\n  site: Site\n"));
    registry.add("rca.ingest.taxonomy-file", () -> config.resolve("taxonomy.yml").toString());
    registry.add("rca.ingest.mappings-dir", () -> mappings.toString());
  }

  @Autowired
  EscalationImporter importer;
  @Autowired
  NightlyRunLauncher launcher;
  @Autowired
  JdbcTemplate jdbc;

  @Test
  void aProblemMovedOntoOneSiteIsFoundAtThatSiteSearchedAndCountedWithoutAColumnOfItsOwn() throws Exception {
    Path data = ROOT.resolve("tickets.jsonl");
    int planted = write(data);
    var imported = importer.importFile(data, "tickets", c -> { });
    assertThat(imported.counts().inserted()).isEqualTo(4000);
    assertThat(jdbc.queryForObject("select count(*) from escalation where dimensions ->> 'site' is not null"
        + " and dimensions ->> 'queue' is not null", Long.class)).isEqualTo(4000);
    assertThat(jdbc.queryForObject("select count(*) from escalation where dimensions ->> 'site' = 'Manila'",
        Long.class)).as("MNL folded to Manila").isGreaterThan(planted);
    // As an earlier version imported them: the queue kept only in extra, under its source column.
    assertThat(jdbc.queryForObject("select count(*) from escalation where extra ->> 'Queue' is not null", Long.class))
        .as("a dimension's source column is not kept twice").isZero();
    jdbc.update("update escalation set extra = extra || jsonb_build_object('Queue', dimensions ->> 'queue'),"
        + " dimensions = dimensions - 'queue'");

    NightlyRunLauncher.RunOutcome outcome = launcher.run(RUN_DATE, false, false);

    Outcomes.completed(outcome);
    assertThat(jdbc.queryForObject("select count(*) from escalation where dimensions ->> 'queue' = extra ->> 'Queue'",
        Long.class)).as("back-filled from extra").isEqualTo(4000);
    assertThat(jdbc.queryForObject("select escalations from dimension_backfill where dimension = 'queue'", Long.class))
        .isEqualTo(4000);
    RunReport report = JsonMapper.builder().build()
        .readValue(Path.of(outcome.reportPath()).resolve("findings.json").toFile(), RunReport.class);
    assertThat(report.findings().stream().limit(3)).as("top findings %s", report.findings()).anySatisfy(f -> {
      assertThat(Finding.values(f.dimension(), f.value())).containsEntry("site", "Manila").doesNotContainKey("vendor");
      assertThat(f.summary()).contains("at site Manila");
      assertThat(f.qValue()).isLessThan(0.05);
    });
    try (EscalationSearcher searcher = EscalationSearcher.open(ROOT.resolve("data").resolve("index"))) {
      long manila = jdbc.queryForObject("select count(*) from escalation where dimensions ->> 'site' = 'Manila'",
          Long.class);
      assertThat(searcher.count("site:\"Manila\"")).isEqualTo(manila);
      var counted = searcher.search(new SearchRequest("*:*", null, null, null, null, List.of("site", "queue"), 1, 1));
      assertThat(counted.facets().get("site")).containsEntry("Manila", manila).hasSize(SITES.size());
      assertThat(counted.facets().get("queue")).containsOnlyKeys(QUEUES);
    }
    assertThat(jdbc.queryForObject("select count(*) from reporting.escalation_dimension where dimension = 'site'",
        Long.class)).isEqualTo(4000);
    assertThat(jdbc.queryForObject("select sum(escalations) from reporting.daily_counts where dimension = 'queue'",
        Long.class)).isEqualTo(jdbc.queryForObject("select count(*) from cluster_assignment", Long.class));
  }

  /**
   * Generated escalations with a site and a queue; the planted cause's escalations all at one site
   * ("MNL", an alias), their vendor and market drawn like everyone else's: only the site carries it.
   */
  private static int write(Path data) {
    List<GeneratedEscalation> rows = new ArrayList<>();
    new EscalationGenerator().generate(new GeneratorSpec(4000, 42, 11, RUN_DATE, 1, 120), rows::add);
    SplittableRandom random = new SplittableRandom(3);
    List<GeneratedEscalation> others = rows.stream().filter(r -> !r.planted()).toList();
    var json = JsonMapper.builder().build();
    int planted = 0;
    try (BufferedWriter out = Files.newBufferedWriter(data)) {
      for (GeneratedEscalation e : rows) {
        Map<String, String> row = new LinkedHashMap<>(e.nativeColumns());
        if (e.planted()) {
          planted++;
          GeneratedEscalation like = others.get(random.nextInt(others.size()));
          row.put("vendor", like.vendor());
          row.put("market", like.market());
          row.put("Site", "MNL");
        } else {
          row.put("Site", SITES.get(random.nextInt(SITES.size())));
        }
        row.put("Queue", QUEUES.get(random.nextInt(QUEUES.size())));
        out.write(json.writeValueAsString(row));
        out.write('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return planted;
  }
}
