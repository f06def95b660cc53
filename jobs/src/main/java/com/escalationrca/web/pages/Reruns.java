package com.escalationrca.web.pages;

import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import com.escalationrca.job.NightlyRunLauncher;
import jakarta.annotation.PreDestroy;
import org.springframework.stereotype.Component;

/**
 * Reruns an admin starts from the web app: one at a time, in the background, through the same
 * launcher as `rca run --rerun` (so the lock in PostgreSQL still keeps it from overlapping another
 * run, here or on another machine). A date in the future is refused before anything starts. The last one's outcome is kept for the admin page.
 */
@Component
public class Reruns {

  private final NightlyRunLauncher launcher;
  private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
    Thread thread = new Thread(r, "rerun");
    thread.setDaemon(true);
    return thread;
  });
  private final AtomicReference<Status> last = new AtomicReference<>();

  public Reruns(NightlyRunLauncher launcher) {
    this.launcher = launcher;
  }

  /** A rerun: its date, who started it and when, and how it ended (null while it runs). */
  public record Status(LocalDate date, String by, Instant started, String outcome) {

    public boolean running() {
      return outcome == null;
    }
  }

  public Status last() {
    return last.get();
  }

  public synchronized void start(LocalDate date, String by) {
    com.escalationrca.run.FutureRunDateException.check(date);
    Status current = last.get();
    if (current != null && current.running()) {
      throw new IllegalArgumentException("A rerun of " + current.date() + " is still running; wait for it to end.");
    }
    Status started = new Status(date, by, Instant.now(), null);
    last.set(started);
    worker.submit(() -> {
      String outcome;
      try {
        NightlyRunLauncher.RunOutcome run = launcher.run(date, false, true);
        outcome = run.status().name().toLowerCase(java.util.Locale.ROOT)
            + (run.failures().isEmpty() ? "" : ": " + run.exitDescription());
      } catch (Exception e) {
        outcome = "refused: " + e.getMessage();
      }
      last.set(new Status(started.date(), started.by(), started.started(), outcome));
    });
  }

  @PreDestroy
  void stop() {
    worker.shutdownNow();
  }
}
