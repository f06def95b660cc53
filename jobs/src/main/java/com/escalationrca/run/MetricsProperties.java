package com.escalationrca.run;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where a run's metrics go: a Prometheus Pushgateway ({@code pushgatewayUrl}, e.g.
 * {@code http://pushgateway:9091}; empty: nowhere), grouped under {@code job} and the instance
 * (this host's name).
 */
@ConfigurationProperties("rca.metrics")
public record MetricsProperties(@DefaultValue("") String pushgatewayUrl,
                                @DefaultValue("escalation-rca") String job) {

  public boolean enabled() {
    return !pushgatewayUrl.isBlank();
  }
}
