package com.escalationrca.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import com.escalationrca.EscalationRcaApplication;
import com.escalationrca.TestFolders;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Reached over HTTPS (rca.publish.base-url), the session cookie is marked Secure. */
@SpringBootTest(classes = EscalationRcaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecureCookieTest {

  private static final Path ROOT = TestFolders.temporary("rca-cookie-");

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    TestFolders.storage(registry, ROOT);
    registry.add("rca.publish.base-url", () -> "https://rca.example.com");
  }

  @LocalServerPort
  int port;
  @Test
  void theSessionCookieIsSecureWhenTheAppIsReachedOverHttps() throws Exception {
    HttpResponse<String> login = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(cookie ->
        assertThat(cookie).startsWith("JSESSIONID=").contains("Secure", "HttpOnly"));
  }

  @Test
  void plainHttpIsRecognisedByItsScheme() {
    assertThat(WebConfiguration.servedOverHttps("https://rca.example.com")).isTrue();
    assertThat(WebConfiguration.servedOverHttps("http://rca.example.com")).isFalse();
    assertThat(WebConfiguration.servedOverHttps("")).isFalse();
  }
}
