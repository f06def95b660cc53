package com.escalationrca.schedule;

import java.time.LocalDate;
import java.util.concurrent.ScheduledFuture;

import com.escalationrca.job.NightlyRunLauncher;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;

/**
 * `serve` as its own scheduler: at each {@code rca.schedule.cron} it runs the job for the day
 * (in the schedule's zone), exactly as `rca run` would. A date that already completed, or that
 * another process is running (the advisory lock), is logged and skipped; a failed run is retried
 * at the next trigger, which resumes it.
 */
@Component
@ConditionalOnWebApplication
public class NightlySchedule {

  private static final Logger LOG = LoggerFactory.getLogger(NightlySchedule.class);

  private final ScheduleProperties properties;
  private final NightlyRunLauncher launcher;
  private ThreadPoolTaskScheduler scheduler;
  private ScheduledFuture<?> next;

  public NightlySchedule(ScheduleProperties properties, NightlyRunLauncher launcher) {
    this.properties = properties;
    this.launcher = launcher;
  }

  @PostConstruct
  void start() {
    if (!properties.enabled()) {
      return;
    }
    scheduler = new ThreadPoolTaskScheduler();
    scheduler.setThreadNamePrefix("nightly-");
    scheduler.initialize();
    next = scheduler.schedule(this::fire, new CronTrigger(properties.cron(), properties.zone()));
    LOG.info("the nightly job runs on schedule '{}' ({})", properties.cron(), properties.zone());
  }

  void fire() {
    LocalDate date = LocalDate.now(properties.zone());
    try {
      NightlyRunLauncher.RunOutcome outcome = launcher.run(date, false, false);
      LOG.info("scheduled run for {}: {}", date, outcome.status());
    } catch (Exception e) {
      LOG.warn("scheduled run for {} did not run: {}", date, e.getMessage());
    }
  }

  @PreDestroy
  void stop() {
    if (next != null) {
      next.cancel(false);
    }
    if (scheduler != null) {
      scheduler.shutdown();
    }
  }
}
