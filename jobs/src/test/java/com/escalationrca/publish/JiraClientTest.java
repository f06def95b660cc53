package com.escalationrca.publish;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import com.escalationrca.external.ExternalSystemException;
import com.escalationrca.external.HttpSettings;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The JIRA calls against WireMock: Data Center's REST v2 flavour, and answers that must stop a publish. */
class JiraClientTest {

  private static final HttpSettings FAST = new HttpSettings(Duration.ofSeconds(2),
      Duration.ofSeconds(5), 3, Duration.ofMillis(20), Duration.ofSeconds(1));

  private final WireMockServer jira = new WireMockServer(wireMockConfig().dynamicPort());

  @BeforeEach
  void start() {
    jira.start();
  }

  @AfterEach
  void stop() {
    jira.stop();
  }

  private JiraClient client(String api) {
    return new JiraClient(new PublishProperties.Jira(jira.baseUrl(), api, "", "pat-123", "TS", "Bug",
        List.of("escalation-rca")), FAST);
  }

  @Test
  void dataCenterGetsPlainTextOverRestV2WithABearerToken() {
    jira.stubFor(get(urlPathEqualTo("/rest/api/2/search")).willReturn(okJson("{\"issues\": [{\"key\": \"TS-9\"}]}")));
    jira.stubFor(post("/rest/api/2/issue").willReturn(okJson("{\"id\": \"1\", \"key\": \"TS-10\"}")));

    JiraClient client = client("datacenter");

    assertThat(client.findByLabel("rca-cause-3")).contains("TS-9");
    assertThat(client.create("A cause", List.of("One.", "Two."), List.of("rca-cause-4"))).isEqualTo("TS-10");
    var request = jira.findAll(postRequestedFor(urlPathEqualTo("/rest/api/2/issue"))).get(0);
    assertThat(request.getHeader("Authorization")).isEqualTo("Bearer pat-123");
    JsonNode fields = JsonMapper.builder().build().readTree(request.getBodyAsString()).path("fields");
    assertThat(fields.path("description").asString()).isEqualTo("One.\n\nTwo.");
    assertThat(fields.path("issuetype").path("name").asString()).isEqualTo("Bug");
  }

  @Test
  void aRefusalStopsAtOnceWithJirasOwnWords() {
    jira.stubFor(post("/rest/api/3/issue").willReturn(aResponse().withStatus(400)
        .withBody("{\"errorMessages\":[],\"errors\":{\"project\":\"project is required\"}}")));

    assertThatThrownBy(() -> client("cloud").create("x", List.of("y"), List.of()))
        .isInstanceOf(ExternalSystemException.class)
        .hasMessageContaining("answered 400 to POST /rest/api/3/issue")
        .hasMessageContaining("project is required");
    assertThat(jira.findAll(postRequestedFor(urlPathEqualTo("/rest/api/3/issue")))).hasSize(1);
  }

  @Test
  void anAnswerWithoutAKeyOrNotJsonIsAnError() {
    jira.stubFor(post("/rest/api/3/issue").willReturn(okJson("{\"id\": \"1\"}")));
    assertThatThrownBy(() -> client("cloud").create("x", List.of("y"), List.of())).hasMessageContaining("has no key");

    jira.stubFor(get(urlPathEqualTo("/rest/api/3/search/jql")).willReturn(aResponse().withStatus(200)
        .withBody("<html>login</html>")));
    assertThatThrownBy(() -> client("cloud").findByLabel("x")).hasMessageContaining("is not JSON");
  }

  @Test
  void anUnreachableJiraIsRetriedThenNamed() {
    JiraClient client = client("cloud");
    jira.stop();
    assertThatThrownBy(() -> client.findByLabel("x")).isInstanceOf(ExternalSystemException.class)
        .hasMessageContaining("unreachable").hasMessageContaining("after 3 attempts");
  }
}
