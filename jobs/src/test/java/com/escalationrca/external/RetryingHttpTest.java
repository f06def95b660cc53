package com.escalationrca.external;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpRequest;
import java.time.Duration;

import com.escalationrca.publish.PublishProperties;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A failed call names the host and the status, never the path or query that hold a webhook's secret. */
class RetryingHttpTest {

  private static final HttpSettings FAST = new HttpSettings(Duration.ofSeconds(2),
      Duration.ofSeconds(5), 2, Duration.ofMillis(10), Duration.ofSeconds(1));
  private static final String SECRET_PATH = "/services/T0001/B0002/XyZsecretToken123";

  private final WireMockServer hooks = new WireMockServer(wireMockConfig().dynamicPort());

  @BeforeEach
  void start() {
    hooks.start();
  }

  @AfterEach
  void stop() {
    hooks.stop();
  }

  @Test
  void aGoneWebhookIsNamedByItsHostAndStatusWithoutItsSecretPathEvenWhenTheAnswerEchoesIt() {
    hooks.stubFor(post(urlPathEqualTo(SECRET_PATH)).willReturn(aResponse().withStatus(410)
        .withBody("no_service: " + SECRET_PATH + "?key=hunter2 is gone")));
    RetryingHttp http = new RetryingHttp("the chat webhook", FAST);
    String url = hooks.baseUrl() + SECRET_PATH + "?key=hunter2";

    assertThatThrownBy(() -> http.send(() -> http.request(url).POST(HttpRequest.BodyPublishers.ofString("{}")).build()))
        .isInstanceOf(ExternalSystemException.class)
        .hasMessageStartingWith("the chat webhook answered 410 to POST http://localhost:" + hooks.port() + ": no_service:")
        .message().doesNotContain("XyZsecretToken123", "hunter2", "T0001");
  }

  @Test
  void anUnreachableWebhookIsNamedByItsHostOnly() {
    RetryingHttp http = new RetryingHttp("the chat webhook", FAST);
    String url = "http://127.0.0.1:9" + SECRET_PATH;

    assertThatThrownBy(() -> http.send(() -> http.request(url).POST(HttpRequest.BodyPublishers.ofString("{}")).build()))
        .isInstanceOf(ExternalSystemException.class)
        .hasMessageContaining("unreachable for POST http://127.0.0.1:9 after 2 attempts")
        .message().doesNotContain("XyZsecretToken123");
  }

  @Test
  void anyAddressInAFailureLineIsCutToItsHost() {
    assertThat(RetryingHttp.withoutPaths("IllegalArgumentException: Illegal character in path at index 40: "
        + "https://user:pw@hooks.slack.com/services/T0/B0/sec ret"))
        .isEqualTo("IllegalArgumentException: Illegal character in path at index 40: https://hooks.slack.com/… ret")
        .doesNotContain("sec", "pw");
  }
}
