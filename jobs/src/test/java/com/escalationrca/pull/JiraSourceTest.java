package com.escalationrca.pull;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.escalationrca.external.HttpSettings;
import com.escalationrca.ingest.SourceRecord;
import com.escalationrca.publish.PublishProperties;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Data Center's REST v2 search: offset paging to the total, a Bearer token, plain-text descriptions. */
class JiraSourceTest {

  private final WireMockServer jira = new WireMockServer(wireMockConfig().dynamicPort());

  @BeforeEach
  void start() {
    jira.start();
  }

  @AfterEach
  void stop() {
    jira.stop();
  }

  private static String issue(int n) {
    return "{\"key\": \"OPS-" + n + "\", \"fields\": {\"summary\": \"Case " + n + "\", \"description\": \"Text " + n
        + "\", \"created\": \"2026-11-1" + n + "T08:00:00.000-0300\", \"updated\": \"2026-11-1" + n
        + "T09:00:00.000-0300\", \"components\": [{\"name\": \"Trust\"}, {\"name\": \"Safety\"}],"
        + " \"customfield_1\": {\"value\": \"Country\", \"child\": {\"value\": \"BR\"}}, \"customfield_2\": 3.5}}";
  }

  @Test
  void dataCenterIsReadByOffsetToTheTotal() {
    jira.stubFor(get(urlPathEqualTo("/rest/api/2/search")).withQueryParam("startAt", equalTo("0"))
        .willReturn(okJson("{\"startAt\": 0, \"maxResults\": 2, \"total\": 3, \"issues\": [" + issue(1) + ", " + issue(2)
            + "]}")));
    jira.stubFor(get(urlPathEqualTo("/rest/api/2/search")).withQueryParam("startAt", equalTo("2"))
        .willReturn(okJson("{\"startAt\": 2, \"maxResults\": 2, \"total\": 3, \"issues\": [" + issue(3) + "]}")));
    PullProperties.Jira settings = new PullProperties.Jira(jira.baseUrl(), "datacenter", "", "pat-1", "project = OPS",
        "jira", List.of("summary", "description"), 2, Duration.ofHours(1), "2000-01-01T00:00:00Z");
    HttpSettings http = new HttpSettings(Duration.ofSeconds(2), Duration.ofSeconds(5), 2,
        Duration.ofMillis(10), Duration.ofSeconds(1));

    JiraSource source = new JiraSource(settings, http, Instant.parse("2026-11-10T00:00:00Z"),
        List.of("key", "fields.components", "fields.customfield_1", "fields.customfield_2"));
    List<SourceRecord> records = new ArrayList<>();
    source.forEachRemaining(records::add);

    assertThat(records).extracting(r -> r.values().get("key")).containsExactly("OPS-1", "OPS-2", "OPS-3");
    SourceRecord first = records.get(0);
    assertThat(first.values().get("narrative")).isEqualTo("Case 1\n\nText 1");
    assertThat(first.values().get("fields.created")).isEqualTo("2026-11-11T11:00:00Z");
    assertThat(first.values().get("fields.components")).isEqualTo("Trust, Safety");
    assertThat(first.values().get("fields.customfield_1")).isEqualTo("Country / BR");
    assertThat(first.values().get("fields.customfield_2")).isEqualTo("3.5");
    assertThat(JsonMapper.builder().build().readTree(first.raw()).path("key").asString()).isEqualTo("OPS-1");
    assertThat(source.latestUpdate()).isEqualTo(Instant.parse("2026-11-13T12:00:00Z"));
    var requests = jira.findAll(getRequestedFor(urlPathEqualTo("/rest/api/2/search")));
    assertThat(requests).hasSize(2);
    assertThat(requests.get(0).getHeader("Authorization")).isEqualTo("Bearer pat-1");
    assertThat(requests.get(0).queryParameter("jql").firstValue())
        .isEqualTo("(project = OPS) AND updated >= \"2026-11-10 00:00\" ORDER BY updated ASC");
  }
}
