package com.escalationrca.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;

import com.escalationrca.explain.ExplainEngine;
import com.escalationrca.explain.ExplainRequest;
import com.escalationrca.report.RunReport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * /investigate and /api/explain on the served night: the CLI's JSON, clusters as explanations when
 * the nights clustered both periods, the escalations behind each explanation, the "Investigate"
 * buttons, and bad questions answered in one line with the right status.
 */
class InvestigateTest extends ServedNight {

  private static final LocalDate FROM = RUN_DATE.minusDays(6);
  /** A baseline the night's 28-day window covers, so that clusters compare. */
  private static final String COVERED = "from=" + FROM + "&to=" + RUN_DATE + "&baselineFrom=" + RUN_DATE.minusDays(27)
      + "&baselineTo=" + RUN_DATE.minusDays(7);

  @Autowired
  ExplainEngine engine;

  @Test
  void theApiAnswersWithTheJsonOfTheCli() throws Exception {
    HttpResponse<String> response = WebClient.basic(port, "max", PASSWORD).get("/api/explain?" + COVERED);
    assertThat(response.statusCode()).isEqualTo(200);

    JsonNode api = JSON.readTree(response.body());
    JsonNode cli = JSON.readTree(JSON.writeValueAsString(engine.explain(ExplainRequest.between(FROM, RUN_DATE,
        RUN_DATE.minusDays(27), RUN_DATE.minusDays(7), Map.of(), ExplainRequest.Direction.BOTH, 10))));
    assertThat(api).isEqualTo(cli);
    assertThat(api.path("explanations").size()).isPositive();
    assertThat(api.path("daily").size()).isEqualTo(28);
    assertThat(api.path("daily").get(27).path("period").asString()).isEqualTo("WINDOW");
    assertThat(api.path("notes").size()).as("clusters compare: the night clustered both periods").isZero();
    JsonNode first = api.path("explanations").get(0);
    assertThat(first.path("examples").size()).isBetween(1, 5);
    assertThat(first.path("search").path("from").asString()).isEqualTo(FROM.toString());
  }

  @Test
  void aClusterIsAPopulationAndAnExplanation() throws Exception {
    WebClient api = WebClient.basic(port, "max", PASSWORD);
    RunReport report = catalog.report(catalog.completed(RUN_DATE).orElseThrow());
    RunReport.ClusterSummary biggest = report.clusters().stream()
        .max(java.util.Comparator.comparingLong(RunReport.ClusterSummary::size)).orElseThrow();

    JsonNode within = JSON.readTree(api.get("/api/explain?" + COVERED + "&where="
        + WebClient.encode("cluster=" + biggest.id())).body());
    assertThat(within.path("change").path("where").asString()).isEqualTo("cluster=" + biggest.id());
    assertThat(within.path("change").path("observed").asLong() + within.path("change").path("baselineObserved").asLong())
        .as("the cluster's escalations of both periods").isPositive().isLessThanOrEqualTo(biggest.size());

    // Every cluster is a candidate: asked for rises only, with room for all, some explanation names one.
    JsonNode all = JSON.readTree(api.get("/api/explain?" + COVERED + "&direction=rise&limit=50").body());
    assertThat(all.path("explanations").valueStream().map(x -> x.path("description").asString()
        + " " + x.path("also").toString())).anySatisfy(text -> assertThat(text).contains("cluster C"));

    // A baseline older than the night's window: clusters are left out, and said so; asking within one is refused.
    JsonNode older = JSON.readTree(api.get("/api/explain?from=" + FROM + "&to=" + RUN_DATE).body());
    assertThat(older.path("notes").get(0).asString()).startsWith("Clusters left out: nights clustered");
    HttpResponse<String> refused = api.get("/api/explain?from=" + FROM + "&to=" + RUN_DATE + "&where="
        + WebClient.encode("cluster=" + biggest.id()));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(refused.body()).path("error").asString()).contains("would not compare");
  }

  @Test
  void badQuestionsGetOneLineAndTheRightStatus() throws Exception {
    WebClient manager = WebClient.basic(port, "max", PASSWORD);
    Map<String, String> mistakes = Map.of(
        "from=" + FROM + "&to=" + RUN_DATE + "&baselineFrom=" + RUN_DATE.minusDays(10) + "&baselineTo=" + RUN_DATE.minusDays(2),
        "overlaps the window",
        "from=" + FROM + "&to=" + RUN_DATE + "&where=" + WebClient.encode("site=Manila"), "'site' is not a dimension",
        "from=" + FROM + "&to=" + RUN_DATE + "&where=vendor", "write DIM=VALUE",
        "to=" + RUN_DATE, "give the window's first and last day",
        "from=2031-01-01&to=2031-01-07", "no escalations",
        "from=" + FROM + "&to=" + RUN_DATE + "&direction=sideways", "rise, dip or both",
        "from=" + FROM + "&to=" + RUN_DATE + "&limit=5000", "limit is between 1 and 50",
        "from=2026-02-30&to=" + RUN_DATE, "not a valid from",
        "from=" + FROM + "&to=" + RUN_DATE + "&metric=ratio", "count, or share:DIM=VALUE");
    for (Map.Entry<String, String> mistake : mistakes.entrySet()) {
      HttpResponse<String> response = manager.get("/api/explain?" + mistake.getKey());
      assertThat(response.statusCode()).as(mistake.getKey()).isEqualTo(400);
      assertThat(JSON.readTree(response.body()).path("error").asString()).as(mistake.getKey()).contains(mistake.getValue());
    }
    HttpResponse<String> query = manager.get("/api/explain?" + COVERED + "&q=address");
    assertThat(query.statusCode()).as("a query reads narratives: analysts only").isEqualTo(403);
    assertThat(JSON.readTree(query.body()).path("error").asString()).contains("analysts");

    WebClient analyst = WebClient.basic(port, "ana", PASSWORD);
    assertThat(analyst.get("/api/explain?" + COVERED + "&q=" + WebClient.encode("\"home address\"")).statusCode())
        .isEqualTo(200);
    HttpResponse<String> broken = analyst.get("/api/explain?" + COVERED + "&q=" + WebClient.encode("vendor:(spam"));
    assertThat(broken.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(broken.body()).path("error").asString()).contains("parenthesis");

    HttpResponse<String> page = signedIn("max").get("/investigate?from=" + FROM + "&to=" + RUN_DATE + "&where=vendor");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("id=\"question-error\"", "write DIM=VALUE");
  }

  @Test
  void aManagerInvestigatesFromTheMorningReadAndExportsTheAnswer() throws Exception {
    WebClient manager = signedIn("max");
    String read = manager.get("/").body();
    java.util.regex.Matcher link = java.util.regex.Pattern.compile("class=\"investigate-link\" href=\"([^\"]+)\"").matcher(read);
    assertThat(link.find()).as("every cause of the morning read has an Investigate button").isTrue();

    HttpResponse<String> page = manager.get(link.group(1).replace("&amp;", "&"));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("id=\"headline\"", "data:image/svg+xml;base64,", "id=\"permalink\"");

    HttpResponse<String> week = manager.get("/investigate");
    assertThat(week.statusCode()).isEqualTo(200);
    assertThat(week.body()).as("without dates: the week ending on the last night")
        .contains("value=\"" + FROM + "\"", "value=\"" + RUN_DATE + "\"", "class=\"explanation\"", "class=\"example\"")
        // The planted script payload in a vendor is a value like any other, shown as text.
        .doesNotContain("<img src=x onerror");
    assertThat(week.body()).doesNotContain("all of them in search").as("managers do not search narratives");

    HttpResponse<String> csv = manager.get("/investigate.csv?" + COVERED);
    assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    assertThat(csv.body().lines().findFirst().orElseThrow()).startsWith("rank,explanation,cluster,window,baseline");
    assertThat(csv.body().lines().count()).isEqualTo(1 + JSON.readTree(WebClient.basic(port, "max", PASSWORD)
        .get("/api/explain?" + COVERED).body()).path("explanations").size());

    String clusterPage = manager.get("/clusters/" + catalog.report(catalog.completed(RUN_DATE).orElseThrow()).clusters()
        .get(0).id()).body();
    assertThat(clusterPage).contains("class=\"investigate-link\"", "where=cluster%3DC");
    assertThat(signedIn("ana").get("/investigate?" + COVERED).body()).contains("all of them in search");
  }

  @Test
  void theMorningReadReportsTheVendorThatStoppedEscalatingAndItsInvestigationNamesItFirst() throws Exception {
    RunReport report = catalog.report(catalog.completed(RUN_DATE).orElseThrow());
    assertThat(report.drops()).isNotEmpty();
    RunReport.DropSummary drop = report.drops().get(0);
    assertThat(drop.dimension() + "=" + drop.value()).isEqualTo("vendor=" + DROPPED);
    assertThat(report.drops()).as("the surges' values fell only in share, not in number")
        .allSatisfy(d -> assertThat(d.value()).isNotIn("Meridian Ops", "Sable Moderation"));
    java.nio.file.Path folder = ROOT.resolve("reports").resolve(RUN_DATE.toString());
    assertThat(java.nio.file.Files.readString(folder.resolve("summary.md"))).contains("## Drops", drop.summary());
    assertThat(java.nio.file.Files.readString(folder.resolve("index.html"))).contains("<h2>Drops</h2>");
    assertThat(JSON.readTree(folder.resolve("findings.json").toFile()).path("drops").get(0).path("value").asString())
        .isEqualTo(DROPPED);

    WebClient manager = signedIn("max");
    String read = manager.get("/").body();
    assertThat(read).contains("id=\"drops\"", "Vendor " + DROPPED + ": ");
    java.util.regex.Matcher link = java.util.regex.Pattern
        .compile("class=\"drop\">.*?class=\"investigate-link\" href=\"([^\"]+)\"", java.util.regex.Pattern.DOTALL)
        .matcher(read);
    assertThat(link.find()).isTrue();
    String investigation = link.group(1).replace("&amp;", "&");
    assertThat(investigation).contains("direction=dip");
    JsonNode dip = JSON.readTree(WebClient.basic(port, "max", PASSWORD)
        .get(investigation.replace("/investigate?", "/api/explain?")).body());
    assertThat(dip.path("explanations").get(0).path("values").path("vendor").asString()).isEqualTo(DROPPED);
  }

  @Test
  void aShareOfOutcomesIsInvestigatedLikeACount() throws Exception {
    String question = COVERED + "&metric=" + WebClient.encode("share:outcome=overturned");
    JsonNode answer = JSON.readTree(WebClient.basic(port, "max", PASSWORD).get("/api/explain?" + question).body());
    assertThat(answer.path("change").path("metric").asString()).isEqualTo("share:outcome=overturned");
    assertThat(answer.path("change").path("summary").asString()).contains(" with outcome overturned in the window (");
    assertThat(answer.path("daily").get(0).path("hits").isNumber()).isTrue();

    String page = signedIn("max").get("/investigate?" + question).body();
    assertThat(page).contains("id=\"headline\"", "with outcome overturned", "data:image/svg+xml;base64,",
        "value=\"share:outcome=overturned\"", "metric=share%3Aoutcome%3Doverturned");
  }

  @Test
  void anAnalystAsksWhetherAnEscalationIsPartOfAPatternThroughItsLookAlikes() throws Exception {
    WebClient analyst = signedIn("ana");
    String page = analyst.get("/escalations/XSS-3").body();
    java.util.regex.Matcher link = java.util.regex.Pattern.compile("class=\"look-alikes-link\" href=\"([^\"]+)\"")
        .matcher(page);
    assertThat(link.find()).isTrue();
    String question = link.group(1).replace("&amp;", "&");
    assertThat(question).contains("similar=XSS-3");

    JsonNode answer = JSON.readTree(WebClient.basic(port, "ana", PASSWORD)
        .get(question.replace("/investigate?", "/api/explain?")).body());
    assertThat(answer.path("change").path("where").asString()).startsWith("all escalations like XSS-3 (its ");
    // The twelve pasted-script escalations, all new in their week, read alike: their vendor is what rose.
    assertThat(answer.path("change").path("observed").asLong()).isGreaterThanOrEqualTo(12);
    assertThat(analyst.get(question).body()).contains("id=\"headline\"");

    HttpResponse<String> manager = WebClient.basic(port, "max", PASSWORD).get(question.replace("/investigate?", "/api/explain?"));
    assertThat(manager.statusCode()).as("look-alikes read narratives: analysts only").isEqualTo(403);
    HttpResponse<String> unknown = WebClient.basic(port, "ana", PASSWORD).get("/api/explain?" + COVERED + "&similar=NO-SUCH");
    assertThat(unknown.statusCode()).isEqualTo(400);
  }
}
