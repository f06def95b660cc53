package com.escalationrca.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import com.escalationrca.events.EventStore;
import com.escalationrca.report.RunReport;
import com.escalationrca.web.security.AuditLog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * /events on the served night: a manager records an event, it is audited, marked on the charts and
 * listed under them (morning read, finding, investigate), changed, refused in plain words when
 * wrong, and removed.
 */
class EventsPageTest extends ServedNight {

  @Autowired
  EventStore events;
  @Autowired
  AuditLog audit;

  @Test
  void aManagerRecordsAnEventThatTheChartsMarkThenChangesAndRemovesIt() throws Exception {
    WebClient manager = signedIn("max");
    RunReport report = catalog.report(catalog.completed(RUN_DATE).orElseThrow());
    RunReport.FindingSummary lead = report.findings().get(report.causes().get(0).leadRank() - 1);
    String market = com.escalationrca.correlate.Finding.values(lead.dimension(), lead.value()).get("market");
    assertThat(market).as("the served night's lead names a market").isNotNull();

    String page = manager.get("/events").body();
    assertThat(page).contains("id=\"event-form\"");
    String csrf = "&_csrf=" + WebClient.encode(WebClient.csrf(page));
    String day = RUN_DATE.minusDays(5).toString();
    HttpResponse<String> added = manager.post("/events", "date=" + day + "&title=" + WebClient.encode("Queue <b>merge</b>")
        + "&kind=tool-release&where=" + WebClient.encode("market=" + market) + csrf);
    assertThat(added.statusCode()).isEqualTo(302);
    long id = events.all().stream().filter(e -> e.title().equals("Queue <b>merge</b>")).findFirst().orElseThrow().id();
    try {
      assertThat(manager.get("/events").body()).contains("Queue &lt;b&gt;merge&lt;/b&gt;", "tool release", "market=" + market);
      assertThat(audit.recent("max", 5)).anySatisfy(e -> assertThat(e.action()).isEqualTo("event add"));

      String read = manager.get("/").body();
      assertThat(read).contains("Events on the chart:", "#" + id + " " + day + " &#39;Queue &lt;b&gt;merge&lt;/b&gt;&#39; (tool release, market " + market + ")");
      assertThat(manager.get("/runs/" + RUN_DATE + "/findings/" + lead.rank()).body()).contains("#" + id + " " + day);
      JsonNode answer = JSON.readTree(WebClient.basic(port, "max", PASSWORD)
          .get("/api/explain?from=" + RUN_DATE.minusDays(6) + "&to=" + RUN_DATE + "&where=" + WebClient.encode("market=" + market))
          .body());
      assertThat(answer.path("events").get(0).path("kind").asString()).isEqualTo("tool-release");
      assertThat(manager.get("/investigate?from=" + RUN_DATE.minusDays(6) + "&to=" + RUN_DATE).body())
          .contains("Events on the chart:", "#" + id);

      HttpResponse<String> wrong = manager.post("/events", "date=" + day + "&title=x&kind=launch" + csrf);
      assertThat(wrong.statusCode()).isEqualTo(200);
      assertThat(wrong.body()).contains("id=\"event-error\"", "kind &#39;launch&#39; is not one of");
      HttpResponse<String> backwards = manager.post("/events/" + id, "date=" + day + "&end=" + RUN_DATE.minusDays(9)
          + "&title=x&kind=outage" + csrf);
      assertThat(backwards.body()).contains("ends (" + RUN_DATE.minusDays(9) + ") before it starts");

      assertThat(manager.post("/events/" + id, "date=" + day + "&end=" + RUN_DATE.minusDays(4)
          + "&title=Queue+merge&kind=outage&where=" + csrf).statusCode()).isEqualTo(302);
      assertThat(events.find(id).orElseThrow().where()).as("now every escalation").isEmpty();
      assertThat(manager.get("/events/" + id).body()).contains("value=\"Queue merge\"");
      assertThat(manager.post("/events/" + id, "date=" + day + "&title=x&kind=other").statusCode())
          .as("a change without its CSRF token").isEqualTo(403);
    } finally {
      assertThat(manager.post("/events/" + id + "/remove", csrf.substring(1)).statusCode()).isEqualTo(302);
    }
    assertThat(events.find(id)).isEmpty();
    assertThat(audit.recent("max", 5)).anySatisfy(e -> assertThat(e.action()).isEqualTo("event remove"));
    assertThat(manager.get("/events/" + id).statusCode()).isEqualTo(404);
  }
}
