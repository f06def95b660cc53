package com.escalationrca.ingest;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The fields an import mapping can fill; the eight dimensions are the taxonomy's candidates. */
public enum Field {
  ID, CREATED, UPDATED, NARRATIVE, POLICY, VENDOR, MARKET, LANGUAGE, CHANNEL, PRIORITY, ACTION,
  OUTCOME;

  public static final List<Field> DIMENSIONS =
      List.of(POLICY, VENDOR, MARKET, LANGUAGE, CHANNEL, PRIORITY, ACTION, OUTCOME);

  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static Optional<Field> byKey(String key) {
    return Arrays.stream(values()).filter(f -> f.key().equals(key)).findFirst();
  }
}
