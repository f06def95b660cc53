package com.escalationrca.pull;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.escalationrca.external.HttpSettings;
import com.escalationrca.ingest.IngestProperties;
import com.escalationrca.ingest.MappedRecord;
import com.escalationrca.ingest.MappingCatalog;
import com.escalationrca.ingest.RecordValidator;
import com.escalationrca.ingest.SourceRecord;
import com.escalationrca.ingest.Taxonomy;
import com.escalationrca.publish.PublishProperties;
import com.github.tomakehurst.wiremock.WireMockServer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Issues as a JIRA (or something pretending to be one) may send them: fields missing, null, of
 * the wrong type, rich text nested deep, keys that are numbers, times that are not times, NUL
 * characters. Every issue of a page becomes one record, and the jira mapping accepts it or rejects
 * it with a reason that names it; nothing else escapes.
 */
class JiraPayloadProperties {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final IngestProperties LIMITS = new IngestProperties(Path.of("config/mappings"),
      Path.of("config/taxonomy.yml"), 100, 200, 32_000);
  private static final RecordValidator VALIDATOR = new RecordValidator(new MappingCatalog(LIMITS).load("jira"),
      YAMLMapper.builder().build().readValue(Path.of("config/taxonomy.yml").toFile(), Taxonomy.class), LIMITS);
  private static WireMockServer jira;

  @BeforeContainer
  static void start() {
    jira = new WireMockServer(wireMockConfig().dynamicPort());
    jira.start();
  }

  @AfterContainer
  static void stop() {
    jira.stop();
  }

  private static Arbitrary<Object> values(int depth) {
    Arbitrary<Object> scalars = Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(20).map(s -> (Object) s),
        Arbitraries.of("2026-11-12T08:00:00.000-0300", "2026-13-45T99:00:00.000-0300", "yesterday", "",
            "text with a NUL \u0000", "Atlas Review").map(s -> (Object) s),
        Arbitraries.integers().map(i -> (Object) i), Arbitraries.just(true).map(b -> (Object) b),
        Arbitraries.just(null));
    if (depth == 0) {
      return scalars;
    }
    Arbitrary<Object> adf = values(depth - 1).list().ofMaxSize(3).map(content -> (Object) Map.of("type", "doc",
        "content", List.of(Map.of("type", "paragraph", "content", content))));
    Arbitrary<Object> option = values(depth - 1).map(v -> {
      Map<String, Object> o = new java.util.HashMap<>();
      o.put("value", v);
      o.put("child", Map.of("value", "BR"));
      return (Object) o;
    });
    return Arbitraries.oneOf(scalars, adf, option, values(depth - 1).list().ofMaxSize(3).map(l -> (Object) l));
  }

  @Provide
  Arbitrary<List<Object>> issues() {
    List<String> names = List.of("summary", "description", "created", "updated", "customfield_10100",
        "customfield_10101", "priority", "resolution", "comment");
    Arbitrary<Object> fields = Arbitraries.maps(Arbitraries.of(names), values(2)).ofMaxSize(names.size())
        .map(m -> (Object) m);
    Arbitrary<Object> issue = Arbitraries.oneOf(
        net.jqwik.api.Combinators.combine(values(0), fields).as((key, f) -> {
          Map<String, Object> i = new java.util.HashMap<>();
          i.put("key", key);
          i.put("fields", f);
          return (Object) i;
        }),
        values(1));
    return issue.list().ofMaxSize(6);
  }

  @Property(tries = 150)
  void everyIssueIsOneRecordAcceptedOrRejectedNamingItself(@ForAll("issues") List<Object> issues) {
    jira.resetAll();
    Map<String, Object> page = Map.of("startAt", 0, "maxResults", 50, "total", issues.size(), "issues", issues);
    jira.stubFor(get(urlPathEqualTo("/rest/api/2/search")).willReturn(okJson(JSON.writeValueAsString(page))));
    PullProperties.Jira settings = new PullProperties.Jira(jira.baseUrl(), "datacenter", "", "pat-1", "project = OPS",
        "jira", List.of("summary", "description", "comments"), 50, Duration.ofHours(1), "2000-01-01T00:00:00Z");
    HttpSettings http = new HttpSettings(Duration.ofSeconds(2), Duration.ofSeconds(5), 1,
        Duration.ofMillis(10), Duration.ofSeconds(1));
    JiraSource source = new JiraSource(settings, http, Instant.parse("2026-11-10T00:00:00Z"),
        List.of("key", "narrative", "fields.created", "fields.updated", "fields.customfield_10100",
            "fields.customfield_10101", "fields.priority", "fields.resolution"));

    List<SourceRecord> records = new ArrayList<>();
    source.forEachRemaining(records::add);

    assertThat(records).hasSameSizeAs(issues);
    for (SourceRecord record : records) {
      MappedRecord result = VALIDATOR.validate(record);
      if (result instanceof MappedRecord.Rejected rejected) {
        assertThat(rejected.reason()).startsWith(record.position() + ": ");
      } else {
        assertThat(result).isInstanceOf(MappedRecord.Accepted.class);
      }
    }
  }
}
