package com.escalationrca.events;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Events: a finding or an explanation whose onset falls within {@code leadDays} days after an event
 * (from its first to its last day) that concerns its values cites it.
 */
@ConfigurationProperties("rca.events")
public record EventsProperties(@DefaultValue("3") int leadDays) {

  public EventsProperties {
    if (leadDays < 0 || leadDays > 60) {
      throw new IllegalArgumentException("rca.events.lead-days must be between 0 and 60, was " + leadDays);
    }
  }
}
