package com.escalationrca.connect;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Outgoing HTTP with the retries a batch job needs: a 429 waits for its Retry-After (capped), a 5xx
 * or a dropped connection backs off exponentially, up to {@code attempts}; any other answer stops
 * with one line naming the system, the request and what it said.
 */
public final class RetryingHttp {

  private static final Logger log = LoggerFactory.getLogger(RetryingHttp.class);
  private static final int MAX_BODY_IN_MESSAGE = 300;

  private final HttpClient client;
  private final PublishProperties.Http settings;
  private final String system;
  private int attemptsMade;

  public RetryingHttp(String system, PublishProperties.Http settings) {
    this.system = system;
    this.settings = settings;
    this.client = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
        .followRedirects(HttpClient.Redirect.NORMAL).build();
  }

  /** Requests sent so far, retries included. */
  public int attempts() {
    return attemptsMade;
  }

  public HttpRequest.Builder request(String url) {
    return HttpRequest.newBuilder(URI.create(url)).timeout(settings.requestTimeout());
  }

  /** Sends the request (built afresh for each attempt) and returns the 2xx answer's body. */
  public String send(Supplier<HttpRequest> request) {
    Duration wait = settings.backoff();
    for (int attempt = 1; ; attempt++) {
      HttpRequest built = request.get();
      String what = built.method() + " " + built.uri().getPath();
      attemptsMade++;
      try {
        HttpResponse<String> response = client.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        int status = response.statusCode();
        if (status / 100 == 2) {
          return response.body();
        }
        boolean retry = status == 429 || status / 100 == 5;
        if (!retry || attempt >= settings.attempts()) {
          throw new PublishException(system + " answered " + status + " to " + what
              + (attempt > 1 ? " after " + attempt + " attempts" : "") + ": " + abbreviate(response.body()));
        }
        Duration pause = status == 429 ? retryAfter(response).orElse(wait) : wait;
        log.warn("{} answered {} to {}; retrying in {} s (attempt {} of {})", system, status, what,
            pause.toSeconds(), attempt + 1, settings.attempts());
        sleep(pause);
      } catch (IOException e) {
        if (attempt >= settings.attempts()) {
          throw new PublishException(system + " unreachable for " + what + " after " + attempt + " attempts: "
              + e.getMessage(), e);
        }
        log.warn("{} unreachable for {} ({}); retrying in {} s", system, what, e.getMessage(), wait.toSeconds());
        sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new PublishException(system + ": interrupted during " + what, e);
      }
      wait = wait.multipliedBy(2);
    }
  }

  private java.util.Optional<Duration> retryAfter(HttpResponse<?> response) {
    return response.headers().firstValue("Retry-After").flatMap(value -> {
      try {
        Duration after = Duration.ofSeconds(Long.parseLong(value.trim()));
        return java.util.Optional.of(after.compareTo(settings.maxRetryAfter()) > 0 ? settings.maxRetryAfter() : after);
      } catch (NumberFormatException e) {
        return java.util.Optional.empty();
      }
    });
  }

  private void sleep(Duration pause) {
    try {
      Thread.sleep(Math.max(0, pause.toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PublishException(system + ": interrupted while waiting to retry", e);
    }
  }

  private static String abbreviate(String body) {
    String line = body == null ? "" : body.replaceAll("\\s+", " ").strip();
    return line.length() <= MAX_BODY_IN_MESSAGE ? line : line.substring(0, MAX_BODY_IN_MESSAGE) + "…";
  }
}
