package com.escalationrca.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.escalationrca.EscalationRcaApplication;
import com.escalationrca.Outcomes;
import com.escalationrca.TestFolders;
import com.escalationrca.ingest.EscalationImporter;
import com.escalationrca.job.NightlyRunLauncher;
import com.escalationrca.nlpmodels.SentenceEncoder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * A narrative pasted again (whitespace aside) takes the vector already made for it instead of
 * running the model: within a night, and from an earlier night's stored vector; and the vector it
 * takes is the one the model makes of it.
 */
@SpringBootTest(classes = EscalationRcaApplication.class)
class EmbeddingReuseNightTest {

  private static final Path ROOT = TestFolders.temporary("rca-embed-reuse-");
  private static final LocalDate FIRST = LocalDate.of(2026, 5, 10);
  private static final List<String> TEXTS = List.of(
      "The reviewer removed my post about the city council meeting as hateful conduct. It only quoted the agenda.",
      "Someone published my home address and phone number in a reply. The report was closed as no violation.",
      "An account keeps sending me threats that it will hurt my family. I reported it three times this week.",
      "A page copies our brand name and logo to sell fake tickets. The impersonation report was rejected.",
      "My appeal was closed in minutes without anyone reading it. The warning on my account is still there.",
      "Spam links to a crypto giveaway flood the comments on every video. The reports come back as resolved.",
      "The agent said the doxxing report was out of scope although it shows my workplace and schedule.",
      "A group chat shares private photos of a classmate. The escalation was marked low priority and left.");

  @DynamicPropertySource
  static void configuration(DynamicPropertyRegistry registry) {
    TestFolders.storage(registry, ROOT);
  }

  @Autowired
  EscalationImporter importer;
  @Autowired
  NightlyRunLauncher launcher;
  @Autowired
  JdbcTemplate jdbc;

  @Test
  void aNarrativePastedAgainTakesTheVectorAlreadyMadeForIt() throws Exception {
    // Night 1: every text three times, the copies spaced differently.
    List<String> lines = new ArrayList<>();
    for (int copy = 0; copy < 3; copy++) {
      for (int t = 0; t < TEXTS.size(); t++) {
        String text = switch (copy) {
          case 0 -> TEXTS.get(t);
          case 1 -> "  " + TEXTS.get(t).replace(". ", ".\n\n");
          default -> TEXTS.get(t).replace(" ", "\t ") + " ";
        };
        lines.add(line("R1-" + copy + "-" + t, FIRST.minusDays(1 + t % 3), text));
      }
    }
    Outcomes.completed(night(lines, FIRST));
    long firstRun = latestRun();
    assertThat(count("select count(*) from narrative_embedding where run_id = ?", firstRun)).isEqualTo(24);
    assertThat(count("select count(*) from narrative_embedding where run_id = ? and reused", firstRun))
        .as("two copies of each of 8 texts").isEqualTo(16);
    assertThat(vectorsByText()).hasSize(TEXTS.size()).allSatisfy((hash, vectors) -> assertThat(vectors).hasSize(1));

    // Night 2: three texts pasted again, and one new text: the model runs once.
    List<String> second = new ArrayList<>();
    for (int t = 0; t < 3; t++) {
      second.add(line("R2-" + t, FIRST, TEXTS.get(t) + "\n"));
    }
    second.add(line("R2-new", FIRST, "The hate speech report on a livestream was closed while the stream was still live."));
    Outcomes.completed(night(second, FIRST.plusDays(1)));
    long secondRun = latestRun();
    assertThat(count("select count(*) from narrative_embedding where run_id = ?", secondRun)).isEqualTo(4);
    assertThat(count("select count(*) from narrative_embedding where run_id = ? and reused", secondRun)).isEqualTo(3);
    assertThat(vectorsByText()).hasSize(TEXTS.size() + 1).allSatisfy((hash, vectors) -> assertThat(vectors).hasSize(1));

    // What was reused is what the model makes of the text, as stored.
    try (SentenceEncoder encoder = SentenceEncoder.load()) {
      byte[] stored = jdbc.queryForObject("""
          select v.vector from narrative_embedding v join escalation e on e.id = v.escalation_id
          where e.external_id = 'R2-1'""", byte[].class);
      assertThat(stored).isEqualTo(VectorCodec.encode(encoder.embed(TEXTS.get(1))));
    }
  }

  private NightlyRunLauncher.RunOutcome night(List<String> lines, LocalDate date) throws Exception {
    Path file = Files.createTempFile(ROOT, "escalations", ".jsonl");
    Files.write(file, lines);
    importer.importFile(file, "native", c -> { });
    return launcher.run(date, false, false);
  }

  private static String line(String id, LocalDate day, String narrative) {
    return JsonMapper.builder().build().writeValueAsString(Map.of("id", id, "created", day + "T09:00:00Z",
        "updated", day + "T10:00:00Z", "narrative", narrative, "policy", "hateful_conduct", "vendor", "Atlas Review",
        "market", "US", "language", "en", "channel", "web", "priority", "P3"));
  }

  private long latestRun() {
    return count("select max(run_id) from rca_run where status = 'COMPLETED'");
  }

  private long count(String sql, Object... arguments) {
    Long n = jdbc.queryForObject(sql, Long.class, arguments);
    return n == null ? 0 : n;
  }

  /** Distinct stored vectors per text hash. */
  private Map<String, List<String>> vectorsByText() {
    return jdbc.query("select text_hash, vector from narrative_embedding",
        (rs, i) -> Map.entry(HexFormat.of().formatHex(rs.getBytes(1)), Arrays.toString(rs.getBytes(2)))).stream()
        .collect(Collectors.groupingBy(Map.Entry::getKey,
            Collectors.collectingAndThen(Collectors.mapping(Map.Entry::getValue, Collectors.toSet()), List::copyOf)));
  }
}
