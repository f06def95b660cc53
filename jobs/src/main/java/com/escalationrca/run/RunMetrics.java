package com.escalationrca.run;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A run's metrics, pushed to a Prometheus Pushgateway when the run ends, for alerting on nights
 * that fail or stop running: each step's duration and items, the run's findings, causes, clusters
 * and window, its outcome, its duration, and (when it completed) the time it did. Meters are
 * Micrometer's, written in the Prometheus text format and sent with the Pushgateway's protocol (an
 * HTTP PUT that replaces the group {@code job/instance}). A failed push is logged and never fails
 * the night.
 */
@Component
public class RunMetrics {

  private static final Logger log = LoggerFactory.getLogger(RunMetrics.class);

  private final MetricsProperties properties;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  public RunMetrics(MetricsProperties properties) {
    this.properties = properties;
  }

  /** One step's figures. */
  public record StepFigures(String step, long items, Duration elapsed) {
  }

  /** What a run ended with. */
  public record RunFigures(LocalDate date, boolean completed, Duration elapsed, List<StepFigures> steps,
                           RunLedger.RunCounts counts, int causes) {
  }

  /** The run's metrics in the Prometheus text format. */
  public String scrape(RunFigures run) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    for (StepFigures step : run.steps()) {
      TimeGauge.builder("rca.step.duration", step, TimeUnit.MILLISECONDS, s -> s.elapsed().toMillis())
          .tag("step", step.step()).description("Wall time of the step in the run").register(registry);
      Gauge.builder("rca.step.items", step, StepFigures::items).tag("step", step.step())
          .description("Items the step wrote").register(registry);
    }
    Gauge.builder("rca.run.success", run, r -> r.completed() ? 1 : 0)
        .description("1 when the run completed, 0 when it failed").register(registry);
    TimeGauge.builder("rca.run.duration", run, TimeUnit.MILLISECONDS, r -> r.elapsed().toMillis())
        .description("Wall time of the run").register(registry);
    Gauge.builder("rca.run.date", run, r -> r.date().atStartOfDay(java.time.ZoneOffset.UTC).toEpochSecond())
        .description("The run date, as Unix seconds at midnight UTC").register(registry);
    if (run.completed()) {
      Gauge.builder("rca.run.last.success", run, r -> System.currentTimeMillis() / 1000.0)
          .description("When the last run completed, Unix seconds").register(registry);
    }
    if (run.counts() != null) {
      RunLedger.RunCounts counts = run.counts();
      Gauge.builder("rca.run.findings", counts, RunLedger.RunCounts::findings).register(registry);
      Gauge.builder("rca.run.clusters", counts, RunLedger.RunCounts::clusters).register(registry);
      Gauge.builder("rca.run.window.escalations", counts, RunLedger.RunCounts::windowSize).register(registry);
      Gauge.builder("rca.run.changed.escalations", counts, RunLedger.RunCounts::changed).register(registry);
      Gauge.builder("rca.run.causes", run, RunFigures::causes).register(registry);
    }
    return registry.scrape();
  }

  /** Pushes the run's metrics, when a Pushgateway is configured; says whether they were pushed. */
  public boolean push(RunFigures run) {
    if (!properties.enabled()) {
      return false;
    }
    URI target = URI.create(properties.pushgatewayUrl().replaceAll("/+$", "") + "/metrics/job/"
        + URLEncoder.encode(properties.job(), StandardCharsets.UTF_8) + "/instance/"
        + URLEncoder.encode(host(), StandardCharsets.UTF_8));
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30))
          .header("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
          .PUT(HttpRequest.BodyPublishers.ofString(scrape(run))).build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        log.warn("The Pushgateway at {} refused the run's metrics: HTTP {} {}", target, response.statusCode(),
            response.body().strip());
        return false;
      }
      return true;
    } catch (IOException e) {
      log.warn("Cannot push the run's metrics to {}: {}", target, e.getMessage());
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static String host() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      return "unknown";
    }
  }
}
