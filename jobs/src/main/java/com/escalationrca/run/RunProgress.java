package com.escalationrca.run;

import java.time.Duration;
import java.util.Locale;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a run shows its progress. On a terminal: a progress bar per step with items, rate and ETA
 * (me.tongfei:progressbar, on standard error so standard output stays the run's summary). In a log
 * (cron, systemd, Kubernetes): one line per step every {@code every} seconds, and one when it ends,
 * never a redrawn line that grows into one endless log entry.
 */
public interface RunProgress {

  /** A step under way: {@code total} items, or -1 when not known in advance. */
  interface Step extends AutoCloseable {
    void advance(long items);

    @Override
    void close();
  }

  Step start(String step, long total);

  /** A bar on a terminal, log lines elsewhere. */
  static RunProgress forThisProcess(Duration every) {
    return System.console() != null ? new Bars() : new LogLines(every);
  }

  /** Progress bars on standard error. */
  final class Bars implements RunProgress {
    @Override
    public Step start(String step, long total) {
      ProgressBar bar = new ProgressBarBuilder().setTaskName(step).setInitialMax(total)
          .setStyle(ProgressBarStyle.ASCII).setUnit(" items", 1).showSpeed()
          .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
      return new Step() {
        @Override
        public void advance(long items) {
          bar.stepBy(items);
        }

        @Override
        public void close() {
          bar.close();
        }
      };
    }
  }

  /** A log line per step every so often: "analyzeStep: 120,000 of 1,000,000 items (12 %), 3,712 items/s, about 4 min left". */
  final class LogLines implements RunProgress {
    private static final Logger log = LoggerFactory.getLogger(RunProgress.class);
    private final long everyNanos;

    public LogLines(Duration every) {
      this.everyNanos = every.toNanos();
    }

    @Override
    public Step start(String step, long total) {
      long started = System.nanoTime();
      log.info("{} started{}", step, total >= 0 ? String.format(Locale.ROOT, ": %,d items", total) : "");
      return new Step() {
        private long done;
        private long lastLine = started;

        @Override
        public synchronized void advance(long items) {
          done += items;
          long now = System.nanoTime();
          if (now - lastLine >= everyNanos) {
            lastLine = now;
            log.info(line(step, done, total, now - started));
          }
        }

        @Override
        public synchronized void close() {
          long elapsed = System.nanoTime() - started;
          if (total < 0 && done == 0) {
            log.info(String.format(Locale.ROOT, "%s finished in %.1f s", step, elapsed / 1e9));
          } else {
            log.info("{} finished: {}", step, line(step, done, total, elapsed).substring(step.length() + 2));
          }
        }
      };
    }

    static String line(String step, long done, long total, long elapsedNanos) {
      double seconds = Math.max(elapsedNanos / 1e9, 1e-9);
      double rate = done / seconds;
      StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%s: %,d", step, done));
      if (total >= 0) {
        text.append(String.format(Locale.ROOT, " of %,d items (%.0f %%)", total, total == 0 ? 100.0 : 100.0 * done / total));
      } else {
        text.append(" items");
      }
      text.append(String.format(Locale.ROOT, ", %,.0f items/s, %.0f s", rate, seconds));
      if (total > done && rate > 0) {
        text.append(String.format(Locale.ROOT, ", about %s left", human((total - done) / rate)));
      }
      return text.toString();
    }

    private static String human(double seconds) {
      return seconds < 90 ? Math.round(seconds) + " s" : Math.round(seconds / 60) + " min";
    }
  }
}
