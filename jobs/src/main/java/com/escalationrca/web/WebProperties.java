package com.escalationrca.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of {@code rca serve} ({@code rca.web.*}): sign-in throttling, the CSV export cap, and the
 * OpenID Connect claim a single-sign-on user's role is read from.
 */
@ConfigurationProperties("rca.web")
public record WebProperties(@DefaultValue("5") int maxFailedSignIns,
                            @DefaultValue("15m") Duration lockout,
                            @DefaultValue("10000") int exportLimit,
                            @DefaultValue("25") int pageSize,
                            @DefaultValue("roles") String roleClaim) {

  public WebProperties {
    if (maxFailedSignIns < 1) {
      throw new IllegalArgumentException("rca.web.max-failed-sign-ins must be at least 1");
    }
    if (exportLimit < 1 || pageSize < 1) {
      throw new IllegalArgumentException("rca.web.export-limit and rca.web.page-size must be at least 1");
    }
  }
}
