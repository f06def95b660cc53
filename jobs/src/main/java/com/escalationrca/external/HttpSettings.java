package com.escalationrca.external;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code rca.http.*}: timeouts and retries of every outgoing HTTP call, pulls and publishing alike
 * (429 and 5xx are retried with backoff; a Retry-After is honoured up to {@code maxRetryAfter}).
 */
@ConfigurationProperties("rca.http")
public record HttpSettings(@DefaultValue("10s") Duration connectTimeout, @DefaultValue("30s") Duration requestTimeout,
                           @DefaultValue("4") int attempts, @DefaultValue("2s") Duration backoff,
                           @DefaultValue("60s") Duration maxRetryAfter) {

  public HttpSettings {
    if (attempts < 1) {
      throw new IllegalArgumentException("rca.http.attempts must be at least 1");
    }
  }
}
