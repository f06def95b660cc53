package com.escalationrca.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON Lines: one JSON object per line. Scalars become strings; nested values are kept as their
 * JSON text. A line that is not a JSON object is a malformed record.
 */
final class JsonlSource implements EscalationSource {

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final BufferedReader reader;
  private String pending;
  private long line;
  private long record;

  JsonlSource(BufferedReader reader) {
    this.reader = reader;
  }

  @Override
  public boolean hasNext() {
    try {
      while (pending == null) {
        String next = reader.readLine();
        if (next == null) {
          return false;
        }
        line++;
        if (!next.isBlank()) {
          pending = next;
        }
      }
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read line " + (line + 1), e);
    }
  }

  @Override
  public SourceRecord next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    String text = pending;
    pending = null;
    record++;
    JsonNode node;
    try {
      node = JSON.readTree(text);
    } catch (JacksonException e) {
      return SourceRecord.malformed(record, line, text, "malformed JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      return SourceRecord.malformed(record, line, text, "malformed JSON: the line is not a JSON object");
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      JsonNode value = field.getValue();
      values.put(field.getKey(), value.isNull() ? null
          : value.isValueNode() ? value.asString() : value.toString());
    }
    return new SourceRecord(record, line, values, text, null);
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
