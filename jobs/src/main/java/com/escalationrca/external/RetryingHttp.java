package com.escalationrca.external;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;

import com.escalationrca.publish.PublishProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Outgoing HTTP with the retries a batch job needs: a 429 waits for its Retry-After (capped), a 5xx
 * or a dropped connection backs off exponentially, up to {@code attempts}; any other answer stops
 * with one line naming the system, the request and what it said. A request is named by its method
 * and host only (a REST API by its public path), never its query: a webhook's path is its secret
 * (Slack's is), and the line reaches logs, the delivery table and every report. Where the answer
 * echoes a secret path or the query, they are cut out.
 */
public final class RetryingHttp {

  private static final Logger log = LoggerFactory.getLogger(RetryingHttp.class);
  private static final int MAX_BODY_IN_MESSAGE = 300;

  private final HttpClient client;
  private final HttpSettings settings;
  private final String system;
  private final boolean showPath;
  private int attemptsMade;

  /** A client whose requests are named by method and host only (a webhook, whose path is its secret). */
  public RetryingHttp(String system, HttpSettings settings) {
    this(system, settings, false);
  }

  /**
   * {@code showPath}: name requests with their path too (a REST API such as JIRA's, whose paths are
   * public and tell which call failed); the query is never shown.
   */
  public RetryingHttp(String system, HttpSettings settings, boolean showPath) {
    this.showPath = showPath;
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
      String what = built.method() + " " + (showPath ? built.uri().getRawPath() : origin(built.uri()));
      attemptsMade++;
      try {
        HttpResponse<String> response = client.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        int status = response.statusCode();
        if (status / 100 == 2) {
          return response.body();
        }
        boolean retry = status == 429 || status / 100 == 5;
        if (!retry || attempt >= settings.attempts()) {
          throw new ExternalSystemException(system + " answered " + status + " to " + what
              + (attempt > 1 ? " after " + attempt + " attempts" : "") + ": " + abbreviate(scrub(response.body(), built.uri())));
        }
        Duration pause = status == 429 ? retryAfter(response).orElse(wait) : wait;
        log.warn("{} answered {} to {}; retrying in {} s (attempt {} of {})", system, status, what,
            pause.toSeconds(), attempt + 1, settings.attempts());
        sleep(pause);
      } catch (IOException e) {
        if (attempt >= settings.attempts()) {
          throw new ExternalSystemException(system + " unreachable for " + what + " after " + attempt + " attempts: "
              + scrub(e.getMessage(), built.uri()), e);
        }
        log.warn("{} unreachable for {} ({}); retrying in {} s", system, what, scrub(e.getMessage(), built.uri()),
            wait.toSeconds());
        sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ExternalSystemException(system + ": interrupted during " + what, e);
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
      throw new ExternalSystemException(system + ": interrupted while waiting to retry", e);
    }
  }

  /** "https://hooks.example.com": scheme, host and port; never the user, path or query. */
  public static String origin(URI uri) {
    if (uri == null || uri.getHost() == null) {
      return "(no host)";
    }
    return (uri.getScheme() == null ? "" : uri.getScheme() + "://") + uri.getHost()
        + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
  }

  /** {@link #origin(URI)} of a configured address, for naming a system. */
  public static String origin(String url) {
    try {
      return origin(URI.create(url));
    } catch (IllegalArgumentException e) {
      return "(an address that is not a URL)";
    }
  }

  /** The text without the request's path and query, in either spelling (raw or decoded). */
  private String scrub(String text, URI uri) {
    if (text == null) {
      return "";
    }
    String scrubbed = text;
    for (String secret : new String[] {uri.getRawQuery(), uri.getQuery(), showPath ? null : uri.getRawPath(),
        showPath ? null : uri.getPath()}) {
      if (secret != null && secret.length() > 1) {
        scrubbed = scrubbed.replace(secret, "…");
      }
    }
    return scrubbed;
  }

  private static String abbreviate(String body) {
    String line = body == null ? "" : body.replaceAll("\\s+", " ").strip();
    return line.length() <= MAX_BODY_IN_MESSAGE ? line : line.substring(0, MAX_BODY_IN_MESSAGE) + "…";
  }

  /** Any address in the text cut to its host: a webhook's path is its secret. */
  public static String withoutPaths(String text) {
    return text == null ? "" : text.replaceAll("(?i)\\b([a-z][a-z0-9+.-]*://)(?:[^/\\s@]*@)?([^/\\s?#]+)[^\\s]*", "$1$2/…");
  }
}
