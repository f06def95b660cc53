package com.escalationrca.web;

import java.time.Duration;

import com.escalationrca.web.security.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of {@code rca serve} ({@code rca.web.*}): sign-in throttling, the CSV export cap, the
 * OpenID Connect claim a single-sign-on user's role is read from, and which exact claim values
 * give which role ({@code roleMapping}, value → analyst, manager or admin; by default our roles' own
 * names). Nothing else a claim says grants a role: "jira-admin" is no admin here.
 */
@ConfigurationProperties("rca.web")
public record WebProperties(@DefaultValue("5") int maxFailedSignIns,
                            @DefaultValue("15m") Duration lockout,
                            @DefaultValue("10000") int exportLimit,
                            @DefaultValue("25") int pageSize,
                            @DefaultValue("roles") String roleClaim,
                            java.util.Map<String, String> roleMapping,
                            @DefaultValue("10") int maxAttemptsPerMinute) {

  @org.springframework.boot.context.properties.bind.ConstructorBinding
  public WebProperties {
    if (roleMapping == null || roleMapping.isEmpty()) {
      roleMapping = java.util.Arrays.stream(Role.values())
          .collect(java.util.stream.Collectors.toUnmodifiableMap(Role::key, Role::key));
    }
    for (var entry : roleMapping.entrySet()) {
      if (java.util.Arrays.stream(Role.values()).noneMatch(r -> r.key().equals(entry.getValue()))) {
        throw new IllegalArgumentException("rca.web.role-mapping maps '" + entry.getKey() + "' to '" + entry.getValue()
            + "', which is not a role (analyst, manager or admin)");
      }
    }
    roleMapping = java.util.Map.copyOf(roleMapping);
    if (maxAttemptsPerMinute < 1) {
      throw new IllegalArgumentException("rca.web.max-attempts-per-minute must be at least 1");
    }
    if (maxFailedSignIns < 1) {
      throw new IllegalArgumentException("rca.web.max-failed-sign-ins must be at least 1");
    }
    if (exportLimit < 1 || pageSize < 1) {
      throw new IllegalArgumentException("rca.web.export-limit and rca.web.page-size must be at least 1");
    }
  }

  public WebProperties(int maxFailedSignIns, Duration lockout, int exportLimit, int pageSize, String roleClaim) {
    this(maxFailedSignIns, lockout, exportLimit, pageSize, roleClaim, null, 10);
  }
}
