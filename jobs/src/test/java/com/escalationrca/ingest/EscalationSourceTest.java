package com.escalationrca.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EscalationSourceTest {

  @TempDir
  Path dir;

  private List<SourceRecord> read(String name, byte[] content) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, content);
    List<SourceRecord> records = new ArrayList<>();
    try (EscalationSource source = EscalationSource.open(file)) {
      source.forEachRemaining(records::add);
    }
    return records;
  }

  @Test
  void readsQuotedMultiLineCsvFieldsAndTracksTheStartingLine() throws IOException {
    String csv = "id,narrative\n1,\"two\nlines, with comma\"\n2,plain\n";
    List<SourceRecord> records = read("a.csv", csv.getBytes(StandardCharsets.UTF_8));

    assertThat(records).hasSize(2);
    assertThat(records.get(0).values()).containsEntry("narrative", "two\nlines, with comma");
    assertThat(records.get(0).lineNumber()).isEqualTo(2);
    assertThat(records.get(1).lineNumber()).isEqualTo(4);
  }

  @Test
  void aCsvRowWithTheWrongNumberOfFieldsIsMalformedAndTheRestStillReads() throws IOException {
    List<SourceRecord> records = read("b.csv", "id,narrative\n1,a,extra\n2,b\n".getBytes(StandardCharsets.UTF_8));

    assertThat(records.get(0).malformed()).contains("3 fields but the header has 2");
    assertThat(records.get(1).isMalformed()).isFalse();
  }

  @Test
  void invalidUtf8BytesBecomeReplacementCharactersNotAFailedFile() throws IOException {
    byte[] bytes = {'i', 'd', ',', 'n', '\n', '1', ',', 'c', 'a', 'f', (byte) 0xC3, (byte) 0x28, '\n'};
    List<SourceRecord> records = read("c.csv", bytes);

    assertThat(records.get(0).values().get("n")).contains("\uFFFD");
  }

  @Test
  void jsonLinesThatAreNotObjectsAreMalformedWithTheirLineNumber() throws IOException {
    String jsonl = "{\"id\":\"1\",\"n\":2}\n\n[1,2]\n{broken\n";
    List<SourceRecord> records = read("d.jsonl", jsonl.getBytes(StandardCharsets.UTF_8));

    assertThat(records).hasSize(3);
    assertThat(records.get(0).values()).containsEntry("n", "2");
    assertThat(records.get(1).lineNumber()).isEqualTo(3);
    assertThat(records.get(1).malformed()).contains("not a JSON object");
    assertThat(records.get(2).malformed()).startsWith("malformed JSON");
  }
}
