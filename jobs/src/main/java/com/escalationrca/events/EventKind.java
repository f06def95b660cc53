package com.escalationrca.events;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What happened: the kinds a program manager picks from. */
public enum EventKind {
  POLICY_LAUNCH, POLICY_UPDATE, VENDOR_CHANGE, TOOL_RELEASE, OUTAGE, OTHER;

  /** As typed, stored and written in JSON: "policy-launch". */
  @com.fasterxml.jackson.annotation.JsonValue
  public String key() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** As read in a sentence: "policy launch". */
  public String words() {
    return name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  public static EventKind parse(String text) {
    String key = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(k -> k.key().equals(key)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("kind '" + text + "' is not one of "
            + Arrays.stream(values()).map(EventKind::key).collect(Collectors.joining(", "))));
  }
}
