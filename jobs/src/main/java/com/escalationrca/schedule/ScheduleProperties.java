package com.escalationrca.schedule;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.support.CronExpression;

/**
 * {@code rca.schedule.*}: when {@code cron} is set, `serve` runs the nightly job itself (Spring
 * cron: second minute hour day month weekday, e.g. "0 30 2 * * *" for 02:30) in {@code zone}.
 * Empty (the default): runs come from cron, a systemd timer or Kubernetes, as docs/operations.md shows.
 */
@ConfigurationProperties("rca.schedule")
public record ScheduleProperties(@DefaultValue("") String cron, @DefaultValue("UTC") ZoneId zone) {

  public ScheduleProperties {
    if (!cron.isBlank() && !CronExpression.isValidExpression(cron)) {
      throw new IllegalArgumentException("rca.schedule.cron '" + cron + "' is not a cron expression"
          + " (six fields: second minute hour day month weekday, e.g. \"0 30 2 * * *\")");
    }
  }

  public boolean enabled() {
    return !cron.isBlank();
  }
}
