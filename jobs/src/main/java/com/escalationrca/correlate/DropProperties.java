package com.escalationrca.correlate;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Drops: values of these dimensions whose escalations fell significantly below expected in the last
 * {@code rca.correlate.recent-days} days (a vendor that stopped escalating is often an outage or a
 * routing error that loses cases). Off with {@code enabled: false}.
 */
@ConfigurationProperties("rca.correlate.drops")
public record DropProperties(@DefaultValue("true") boolean enabled,
                             @DefaultValue({"policy", "vendor", "market", "channel"}) List<String> dimensions) {

  public DropProperties {
    dimensions = List.copyOf(dimensions);
  }
}
