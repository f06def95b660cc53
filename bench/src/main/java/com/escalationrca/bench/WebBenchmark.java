package com.escalationrca.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;

import com.escalationrca.index.LiveSearcher;
import com.escalationrca.index.SearchRequest;

/**
 * Load on a running `serve`: N concurrent signed-in clients (one session each, as browsers and
 * scripts keep) call the search API and load the morning-read page. The baseline, measured in
 * the same run, is the same searches called in-process on the server's own searcher (no HTTP, no
 * security, no JSON), so the printed ratio is what the web layer costs.
 */
public final class WebBenchmark {

  private static final Pattern CSRF = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
  private static final List<String> FACETS = List.of("policy", "vendor", "market");

  /** Percentiles of one kind of request, in milliseconds, and its throughput. */
  public record Latency(String name, int requests, double p50, double p95, double p99, double perSecond) {
  }

  public record Result(int clients, long indexed, List<Latency> latencies) {
  }

  /** The i-th query of the mix: a term, a phrase, or a term within a vendor, all with three facets. */
  static String query(int i) {
    Random random = new Random(i);
    return switch (i % 3) {
      case 0 -> SearchBenchmark.TERMS.get(random.nextInt(SearchBenchmark.TERMS.size()));
      case 1 -> SearchBenchmark.PHRASES.get(random.nextInt(SearchBenchmark.PHRASES.size()));
      default -> SearchBenchmark.TERMS.get(random.nextInt(SearchBenchmark.TERMS.size())) + " AND vendor:\""
          + SearchBenchmark.VENDORS.get(random.nextInt(SearchBenchmark.VENDORS.size())) + "\"";
    };
  }

  public Result run(int port, String user, String password, LiveSearcher searcher, int clients, int requests,
                    int warmup) throws Exception {
    String base = "http://127.0.0.1:" + port;
    long indexed = searcher.with(s -> (long) s.size());
    List<Latency> latencies = new ArrayList<>();
    latencies.add(inProcess(searcher, requests, warmup));
    List<HttpClient> sessions = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      sessions.add(signIn(base, user, password));
    }
    latencies.add(load("search API", sessions, requests, warmup, i -> base + "/api/search?limit=10&facet="
        + String.join(",", FACETS) + "&q=" + URLEncoder.encode(query(i), StandardCharsets.UTF_8)));
    latencies.add(load("morning-read page", sessions, requests, warmup, i -> base + "/"));
    return new Result(clients, indexed, latencies);
  }

  /**
   * `/api/explain` for the week ending on {@code last} against the 28 days before, with no filter and
   * with one (a market), by one client, one question after another (as a manager asks them); the
   * baseline is a plain SQL GROUP BY of single values over the same days, in-process, the same number
   * of times.
   */
  public List<Latency> explain(int port, String user, String password, JdbcTemplate jdbc, java.time.LocalDate last,
                               int requests, int warmup) throws Exception {
    String base = "http://127.0.0.1:" + port;
    java.time.LocalDate from = last.minusDays(6);
    String question = base + "/api/explain?from=" + from + "&to=" + last;
    String market = jdbc.queryForObject("select market from escalation where market is not null group by market"
        + " order by count(*) desc limit 1", String.class);
    List<HttpClient> one = List.of(signIn(base, user, password));
    List<Latency> latencies = new ArrayList<>();
    latencies.add(groupBy(jdbc, from, last, requests, warmup));
    latencies.add(load("explain API, no filter", one, requests, warmup, i -> question));
    latencies.add(load("explain API, market=" + market, one, requests, warmup,
        i -> question + "&where=" + URLEncoder.encode("market=" + market, StandardCharsets.UTF_8)));
    return latencies;
  }

  /** The eight single-value GROUP BYs over the window and its baseline: what a hand-written query costs. */
  private static Latency groupBy(JdbcTemplate jdbc, java.time.LocalDate from, java.time.LocalDate last, int requests,
                                 int warmup) {
    java.sql.Timestamp start = day(from.minusDays(28));
    java.sql.Timestamp windowStart = day(from);
    java.sql.Timestamp end = day(last.plusDays(1));
    Runnable queries = () -> {
      for (String dimension : List.of("policy", "vendor", "market", "language", "channel", "priority", "action", "outcome")) {
        jdbc.queryForList("select " + dimension + ", created_at >= ? as in_window, count(*) from escalation"
            + " where created_at >= ? and created_at < ? group by 1, 2", windowStart, start, end);
      }
    };
    for (int i = 0; i < warmup; i++) {
      queries.run();
    }
    double[] millis = new double[requests];
    long started = System.nanoTime();
    for (int i = 0; i < requests; i++) {
      long t = System.nanoTime();
      queries.run();
      millis[i] = (System.nanoTime() - t) / 1e6;
    }
    return latency("GROUP BY in-process (baseline)", millis, System.nanoTime() - started);
  }

  private static java.sql.Timestamp day(java.time.LocalDate day) {
    return java.sql.Timestamp.from(day.atStartOfDay().toInstant(java.time.ZoneOffset.UTC));
  }

  private static Latency inProcess(LiveSearcher searcher, int requests, int warmup) {
    for (int i = 0; i < warmup; i++) {
      int n = i;
      searcher.with(s -> s.search(request(n)));
    }
    double[] millis = new double[requests];
    long started = System.nanoTime();
    for (int i = 0; i < requests; i++) {
      int n = i;
      long t = System.nanoTime();
      searcher.with(s -> s.search(request(n)));
      millis[i] = (System.nanoTime() - t) / 1e6;
    }
    return latency("search in-process (baseline)", millis, System.nanoTime() - started);
  }

  private static SearchRequest request(int i) {
    return new SearchRequest(query(i), null, null, null, null, FACETS, 10, 1);
  }

  private static Latency load(String name, List<HttpClient> sessions, int requests, int warmup,
                              IntFunction<String> urls) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(sessions.size());
    try {
      run(pool, sessions, warmup, urls, new double[warmup]);
      double[] millis = new double[requests];
      long started = System.nanoTime();
      run(pool, sessions, requests, urls, millis);
      return latency(name, millis, System.nanoTime() - started);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Each client takes every clients-th request, one after another, as a person or script would. */
  private static void run(ExecutorService pool, List<HttpClient> sessions, int requests, IntFunction<String> urls,
                          double[] millis) throws Exception {
    List<Future<?>> running = new ArrayList<>();
    for (int c = 0; c < sessions.size(); c++) {
      int client = c;
      running.add(pool.submit(() -> {
        for (int i = client; i < requests; i += sessions.size()) {
          long t = System.nanoTime();
          HttpResponse<Void> response = sessions.get(client).send(HttpRequest.newBuilder(URI.create(urls.apply(i)))
              .build(), HttpResponse.BodyHandlers.discarding());
          millis[i] = (System.nanoTime() - t) / 1e6;
          if (response.statusCode() != 200) {
            throw new IllegalStateException(urls.apply(i) + " answered " + response.statusCode());
          }
        }
        return null;
      }));
    }
    for (Future<?> f : running) {
      f.get();
    }
  }

  private static HttpClient signIn(String base, String user, String password) throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).build();
    String page = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    Matcher token = CSRF.matcher(page);
    if (!token.find()) {
      throw new IllegalStateException("the sign-in page has no CSRF token");
    }
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
        + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
    HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (signedIn.headers().firstValue("Location").orElse("").contains("error")) {
      throw new IllegalStateException("the benchmark account could not sign in");
    }
    return client;
  }

  private static Latency latency(String name, double[] millis, long elapsedNanos) {
    double[] sorted = millis.clone();
    Arrays.sort(sorted);
    return new Latency(name, sorted.length, SearchBenchmark.percentile(sorted, 0.50),
        SearchBenchmark.percentile(sorted, 0.95), SearchBenchmark.percentile(sorted, 0.99),
        sorted.length / (elapsedNanos / 1e9));
  }
}
