package com.escalationrca.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A real HTTP client of a running `serve`: a browser-like session (cookies, CSRF token) or Basic. */
final class WebClient {

  private static final Pattern CSRF_INPUT = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*>");
  private static final Pattern VALUE = Pattern.compile("value=\"([^\"]+)\"");

  private final String base;
  private final HttpClient http;
  private String basic;

  private WebClient(String base) {
    this.base = base;
    this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  static WebClient anonymous(int port) {
    return new WebClient("http://127.0.0.1:" + port);
  }

  /** A client that sends HTTP Basic credentials with every request (a script). */
  static WebClient basic(int port, String user, String password) {
    WebClient client = anonymous(port);
    client.basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return client;
  }

  /** Signs in through the form, as a person does; returns the response to the form's POST. */
  HttpResponse<String> signIn(String user, String password) throws IOException, InterruptedException {
    String token = csrf(get("/login").body());
    return post("/login", "username=" + encode(user) + "&password=" + encode(password) + "&_csrf=" + encode(token));
  }

  static String csrf(String page) {
    Matcher input = CSRF_INPUT.matcher(page);
    Matcher value = input.find() ? VALUE.matcher(input.group()) : null;
    if (value == null || !value.find()) {
      throw new AssertionError("no CSRF token in the page:\n" + page);
    }
    return value.group(1);
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
    return http.send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
    if (basic != null) {
      builder.header("Authorization", basic);
    }
    return builder;
  }

  static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
