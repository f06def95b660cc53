package com.escalationrca;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Logs a collector can parse, on request: Spring Boot's structured logging, one JSON object a line. */
class StructuredLogsTest {

  @TempDir
  Path folder;

  @Test
  void withStructuredLoggingEveryLogLineIsAJsonObjectWithLevelLoggerAndMessage() throws Exception {
    Path file = folder.resolve("one.jsonl");
    Files.writeString(file, """
        {"id":"LOG-1","created":"2026-03-01T10:00:00Z","narrative":"Someone posted my home address","vendor":"Atlas Review","market":"US","language":"en","policy":"private_information"}
        """);

    CliProcess.Result result = CliProcess.run(Map.of("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs"), List.of(),
        "import", file.toString(), "--data-dir", folder.resolve("data").toString());

    assertThat(result.exit()).as(result.stderr()).isZero();
    List<String> logLines = result.stdout().lines().filter(l -> l.startsWith("{")).toList();
    assertThat(logLines).isNotEmpty();
    for (String line : logLines) {
      JsonNode entry = JsonMapper.builder().build().readTree(line);
      assertThat(entry.path("log").path("level").asString()).isNotBlank();
      assertThat(entry.path("log").path("logger").asString()).isNotBlank();
      assertThat(entry.path("message").asString()).isNotBlank();
    }
    assertThat(logLines).anyMatch(l -> l.contains("Embedded PostgreSQL on socket"));
    // The command's own summary stays plain text on standard output.
    assertThat(result.stdout()).contains("read 1, inserted 1");
  }
}
