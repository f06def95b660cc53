package com.escalationrca.ingest;

import java.util.Map;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** The taxonomy's other dimensions of a stored escalation: its {@code dimensions} JSON, read back. */
public final class EscalationDimensions {

  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final String NONE = "{}";

  private EscalationDimensions() {
  }

  /** Adds the stored JSON's values to {@code into}; an empty object (most rows) costs no parse. */
  public static void read(String json, Map<String, String> into) {
    if (json == null || json.equals(NONE)) {
      return;
    }
    JSON.readTree(json).properties().forEach(e -> {
      if (e.getValue().isString()) {
        into.put(e.getKey(), e.getValue().asString());
      }
    });
  }
}
