package com.escalationrca.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
import com.escalationrca.nlpmodels.SentenceEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A team's own embedding model: the bundled MiniLM written out as files (as a team would place a
 * multilingual model's {@code model.onnx} and {@code tokenizer.json}), configured with
 * {@code rca.embed.model: onnx}, embedding English, Portuguese and Spanish narratives in a night.
 */
@SpringBootTest(classes = EscalationRcaApplication.class)
class ModelFromFilesNightTest {

  private static final Path ROOT = TestFolders.temporary("rca-model-files-");
  private static final Path MODEL = ROOT.resolve("model.onnx");
  private static final Path TOKENIZER = ROOT.resolve("tokenizer.json");
  private static final LocalDate RUN_DATE = LocalDate.of(2026, 3, 1);

  @DynamicPropertySource
  static void configuration(DynamicPropertyRegistry registry) {
    TestFolders.storage(registry, ROOT);
    export(SentenceEncoder.MODEL + ".onnx", MODEL);
    export(SentenceEncoder.MODEL + "-tokenizer.json", TOKENIZER);
    registry.add("rca.embed.model", () -> SentenceEncoder.FILES);
    registry.add("rca.embed.model-file", MODEL::toString);
    registry.add("rca.embed.tokenizer-file", TOKENIZER::toString);
    registry.add("rca.embed.max-tokens", () -> "180");
    registry.add("rca.embed.languages", () -> "en,pt,es");
  }

  private static void export(String resource, Path file) {
    try (InputStream in = SentenceEncoder.class.getClassLoader().getResourceAsStream(resource)) {
      if (!Files.exists(file)) {
        Files.copy(in, file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Autowired
  EscalationImporter importer;
  @Autowired
  NightlyRunLauncher launcher;
  @Autowired
  JdbcTemplate jdbc;

  @Test
  void aNightEmbedsEveryConfiguredLanguageWithTheModelFromFilesNamedByTheirContent() throws Exception {
    Path data = ROOT.resolve("generated.jsonl");
    new DatasetWriter().write(new GeneratorSpec(600, 42, 5, RUN_DATE, 0, 0, List.of()), data);
    importer.importFile(data, "native", c -> { });

    NightlyRunLauncher.RunOutcome outcome = launcher.run(RUN_DATE, false, false);

    Outcomes.completed(outcome);
    String identity = SentenceEncoder.identity(MODEL, TOKENIZER, PoolingMode.MEAN, 180, "");
    assertThat(jdbc.queryForList("select distinct model from narrative_embedding", String.class))
        .containsExactly(identity);
    assertThat(jdbc.queryForList("""
        select distinct a.detected_language from narrative_embedding v join narrative_analysis a using (escalation_id)
        """, String.class)).contains("en", "pt", "es");
    // The vectors are the bundled model's, as stored (8 bits a component).
    List<Map<String, Object>> stored = jdbc.queryForList("""
        select e.narrative, v.vector from narrative_embedding v join escalation e on e.id = v.escalation_id
        order by e.id limit 5
        """);
    try (SentenceEncoder bundled = SentenceEncoder.load()) {
      assertThat(stored).hasSize(5).allSatisfy(row -> {
        float[] expected = bundled.embed((String) row.get("narrative"));
        float[] actual = VectorCodec.decode((byte[]) row.get("vector"));
        double cosine = 0;
        for (int i = 0; i < expected.length; i++) {
          cosine += expected[i] * actual[i];
        }
        assertThat(cosine).isGreaterThan(0.999);
      });
    }
  }

  @Test
  void aModelWithoutItsFilesIsRefusedAtStartNamingTheKey() {
    assertThatThrownBy(() -> new EmbedProperties(SentenceEncoder.FILES, List.of("en"), 2, "", "", "mean", 256, ""))
        .hasMessageContaining("rca.embed.model-file must name a file");
    assertThatThrownBy(() -> new EmbedProperties(SentenceEncoder.FILES, List.of("en"), 2,
        ROOT.resolve("nowhere.onnx").toString(), TOKENIZER.toString(), "mean", 256, ""))
        .hasMessageContaining("rca.embed.model-file").hasMessageContaining("nowhere.onnx is not a readable file");
    assertThatThrownBy(() -> new EmbedProperties(SentenceEncoder.FILES, List.of("en"), 2, MODEL.toString(),
        TOKENIZER.toString(), "max", 256, "")).hasMessageContaining("rca.embed.pooling is 'max'");
    assertThatThrownBy(() -> new EmbedProperties("bge-m3", List.of("en"), 2))
        .hasMessageContaining("rca.embed.model is 'bge-m3'");
  }
}
