package com.escalationrca.track;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a tracked cause stands. */
public enum CauseState {
  NEW, ACKNOWLEDGED, TICKETED, RESOLVED, REGRESSED, DISMISSED;

  @JsonValue
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static CauseState parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + text + "' is not a cause state; states: new, acknowledged, ticketed,"
          + " resolved, regressed, dismissed");
    }
  }

  /** Still someone's problem: shown in the top list and published. */
  public boolean open() {
    return this != RESOLVED && this != DISMISSED;
  }
}
