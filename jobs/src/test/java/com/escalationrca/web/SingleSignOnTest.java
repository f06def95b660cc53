package com.escalationrca.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import com.escalationrca.EscalationRcaApplication;
import com.escalationrca.TestFolders;
import oidcprovider.TestIdentityProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Single sign-on through OpenID Connect against a real provider (Spring Authorization Server)
 * started inside the test: the authorization-code flow over real HTTP, the role taken from the
 * "roles" claim, and a person whose claim names no role refused.
 */
@SpringBootTest(classes = EscalationRcaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class SingleSignOnTest {

  private static final int APP_PORT = freePort();
  private static final ConfigurableApplicationContext PROVIDER = TestIdentityProvider.start(APP_PORT);
  private static final Path ROOT = TestFolders.temporary("rca-sso-");

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    String issuer = "http://127.0.0.1:" + TestIdentityProvider.port(PROVIDER);
    registry.add("server.port", () -> APP_PORT);
    registry.add("server.address", () -> "127.0.0.1");
    TestFolders.storage(registry, ROOT);
    String registration = "spring.security.oauth2.client.registration.corp.";
    registry.add(registration + "client-id", () -> TestIdentityProvider.CLIENT_ID);
    registry.add(registration + "client-secret", () -> TestIdentityProvider.CLIENT_SECRET);
    registry.add(registration + "client-name", () -> "Corp SSO");
    registry.add(registration + "scope", () -> "openid,profile");
    registry.add("spring.security.oauth2.client.provider.corp.issuer-uri", () -> issuer);
  }

  @AfterAll
  static void stopProvider() {
    PROVIDER.close();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A browser's redirects, followed by hand so each hop can be checked: returns the last response. */
  private static HttpResponse<String> follow(HttpClient browser, HttpResponse<String> response) throws Exception {
    for (int hops = 0; hops < 15 && response.statusCode() == 302; hops++) {
      URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
      response = browser.send(HttpRequest.newBuilder(next).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
    return response;
  }

  /** Signs in at the provider as {@code user} starting from the app's sign-in button. */
  private static HttpClient signInThroughTheProvider(String user, StringBuilder landing) throws Exception {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).build();
    String app = "http://127.0.0.1:" + APP_PORT;
    String login = browser.send(HttpRequest.newBuilder(URI.create(app + "/login")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    assertThat(login).contains("Sign in with Corp SSO", "/oauth2/authorization/corp");
    HttpResponse<String> providerLogin = follow(browser, browser.send(
        HttpRequest.newBuilder(URI.create(app + "/oauth2/authorization/corp")).build(), HttpResponse.BodyHandlers.ofString()));
    assertThat(providerLogin.uri().getPort()).isEqualTo(TestIdentityProvider.port(PROVIDER));
    String form = "username=" + user + "&password=" + WebClient.encode(TestIdentityProvider.PASSWORD)
        + "&_csrf=" + WebClient.encode(WebClient.csrf(providerLogin.body()));
    HttpResponse<String> landed = follow(browser, browser.send(HttpRequest.newBuilder(providerLogin.uri())
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
        .build(), HttpResponse.BodyHandlers.ofString()));
    landing.append(landed.uri()).append('\n').append(landed.body());
    return browser;
  }

  private static int status(HttpClient browser, String path) throws Exception {
    return browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + APP_PORT + path)).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  @Test
  void anAnalystSignsInThroughTheIdentityProviderAndMaySearch() throws Exception {
    StringBuilder landing = new StringBuilder();
    HttpClient browser = signInThroughTheProvider("alice", landing);
    assertThat(landing.toString()).startsWith("http://127.0.0.1:" + APP_PORT + "/")
        .contains("<span class=\"navbar-text me-3\" id=\"signed-in-as\">sso:alice</span>", "No completed run yet");
    // Allowed, but nothing is indexed on this fresh folder: 503, not 403.
    assertThat(status(browser, "/search?q=address")).isEqualTo(503);
  }

  @Test
  void aManagersClaimGivesTheManagerRole() throws Exception {
    StringBuilder landing = new StringBuilder();
    HttpClient browser = signInThroughTheProvider("bob", landing);
    assertThat(landing.toString()).contains("id=\"signed-in-as\">sso:bob</span>");
    assertThat(status(browser, "/search?q=address")).isEqualTo(403);
    assertThat(status(browser, "/runs")).isEqualTo(200);
  }

  @Test
  void aPersonWhoseClaimNamesNoRoleIsRefused() throws Exception {
    StringBuilder landing = new StringBuilder();
    HttpClient browser = signInThroughTheProvider("carol", landing);
    assertThat(landing.toString()).startsWith("http://127.0.0.1:" + APP_PORT + "/login?ssoError").contains("id=\"sso-error\"");
    assertThat(status(browser, "/runs")).isEqualTo(302);
  }
}
