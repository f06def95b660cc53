package com.escalationrca.web.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a signed-in person may do. Managers read runs, findings, clusters and redacted examples;
 * analysts also search and read narratives; admins also manage users, read the audit log and start
 * reruns. Each role includes the ones below it (see SecurityConfiguration's hierarchy).
 */
public enum Role {
  MANAGER, ANALYST, ADMIN;

  public String authority() {
    return "ROLE_" + name();
  }

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Role parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException("'" + text + "' is not a role; roles: "
          + Arrays.stream(values()).map(Role::key).collect(Collectors.joining(", ")));
    }
  }
}
