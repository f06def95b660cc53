package com.escalationrca.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.sessions.JqwikSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Generated hostile parameters (Lucene syntax fragments, every code point, numbers out of range,
 * dates that are not dates, unknown facets and clusters) against the search page and the API of a
 * served night: an answer is 200 or a 4xx/503 that says why, never a 500 or a stack trace. The
 * parameters come from jqwik's generators, drawn from a fixed seed in a jqwik session inside the
 * Spring test (a failure names the seed and the request; there is no shrinking here).
 */
class HostileParametersTest extends ServedNight {

  private static final long SEED = 20261202L;

  @Autowired
  JdbcTemplate jdbc;
  private static final int CASES = 150;

  private static Arbitrary<String> queries() {
    return Arbitraries.oneOf(
        Arbitraries.of("(", ")", "\"", "\"home", "/", "/[a-", "*", "?", "~", "^", "\\", ":", "vendor:", "[a TO",
            "{* TO *}", "AND", "OR NOT", "+-!", "&&||", "address~9", "address^-1", "a* OR b*", "/.*e.*/",
            "created:[2026 TO *]", "id:ESC-00000001", "\u0000", "%00", "'; drop table escalation; --"),
        Arbitraries.strings().all().ofMaxLength(40),
        Arbitraries.strings().withChars("()[]{}\"':/*?~^\\+-!&| abcAND").ofMaxLength(30),
        Arbitraries.strings().withChars('a').ofLength(5000));
  }

  private static Arbitrary<String> numbers() {
    return Arbitraries.oneOf(Arbitraries.integers().between(-5, 1100).map(String::valueOf),
        Arbitraries.of("0", "-1", "2147483647", "2147483648", "99999999999999999999", "1e3", "ten", "", " 5"));
  }

  private static Arbitrary<String> dates() {
    return Arbitraries.oneOf(Arbitraries.of("2026-11-01", "2026-02-30", "+999999999-12-31", "0000-00-00", "today",
        "", "2026-13-01", "2026-11-01T00:00"), Arbitraries.strings().ofMaxLength(12));
  }

  private static Arbitrary<String> parameters() {
    Arbitrary<String> facet = Arbitraries.oneOf(Arbitraries.of("vendor", "market", "policy,vendor", "nope", "", ","),
        Arbitraries.strings().ofMaxLength(10));
    Arbitrary<String> cluster = Arbitraries.oneOf(Arbitraries.of("C0001", "C0000", "C9999999999", "X", ""),
        Arbitraries.strings().ofMaxLength(10));
    Arbitrary<String> similar = Arbitraries.oneOf(Arbitraries.of("XSS-1", "NO-SUCH", ""), Arbitraries.strings().ofMaxLength(10));
    return Combinators.combine(queries(), numbers(), numbers(), dates(), dates(), facet, cluster, similar)
        .as((q, limit, page, from, to, f, c, s) -> "q=" + WebClient.encode(q) + maybe("limit", limit, q) + maybe("page", page, limit)
            + maybe("from", from, page) + maybe("to", to, from) + maybe("facet", f, to) + maybe("cluster", c, f)
            + maybe("similar", s, c));
  }

  /** A parameter present in about two cases of three, decided by another value so that the draw stays one. */
  private static String maybe(String name, String value, String other) {
    return Math.floorMod(other.hashCode(), 3) == 0 ? "" : "&" + name + "=" + WebClient.encode(value);
  }

  private static String shown(String query) {
    return query.length() <= 300 ? query : query.substring(0, 150) + "…(" + query.length() + " characters)…"
        + query.substring(query.length() - 150);
  }

  /** The cases, drawn in a jqwik session of their own (its generators need one) from a fixed seed. */
  private static List<String> draw() {
    List<String> cases = new ArrayList<>();
    JqwikSession.run(String.valueOf(SEED), () -> {
      Random random = new Random(SEED);
      var generator = parameters().generator(1000);
      for (int i = 0; i < CASES; i++) {
        cases.add(generator.next(random).value());
      }
    });
    return cases;
  }

  @Test
  void theSearchApiAnswersEveryGeneratedRequestWithAResultOrAReason() throws Exception {
    WebClient api = WebClient.basic(port, "ana", PASSWORD);
    int ok = 0;
    for (String query : draw()) {
      HttpResponse<String> response = api.get("/api/search?" + query);
      assertThat(response.statusCode()).as("seed %d: /api/search?%s answered %s", SEED, shown(query), response.body())
          .isIn(200, 400, 404, 503);
      JsonNode body = JSON.readTree(response.body());
      if (response.statusCode() == 200) {
        ok++;
        assertThat(body.has("total")).as(shown(query)).isTrue();
      } else {
        assertThat(body.path("error").asString()).as(shown(query)).isNotBlank().doesNotContain("Exception", "\tat ");
      }
    }
    assertThat(ok).as("some generated requests are plain searches").isPositive();

    HttpResponse<String> nul = api.get("/api/search?q=" + WebClient.encode("home\u0000address"));
    assertThat(nul.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(nul.body()).path("error").asString()).isEqualTo(
        "the parameter 'q' contains a NUL character (U+0000), which cannot be searched or stored");
  }

  private static Arbitrary<String> questions() {
    Arbitrary<String> where = Arbitraries.oneOf(Arbitraries.of("vendor=Atlas Review", "market=BR", "cluster=C0001",
            "cluster=C9999", "site=Manila", "vendor", "=BR", "market=", "vendor=a=b", "policy=\u0000"),
        Arbitraries.strings().ofMaxLength(20));
    Arbitrary<String> baseline = Arbitraries.of("previous", "weekdays:4", "weekdays:0", "weekdays:99", "weekly", "", "weekdays:");
    Arbitrary<String> direction = Arbitraries.of("rise", "dip", "both", "RISE", "up", "");
    return Combinators.combine(dates(), dates(), baseline, dates(), where, queries(), direction, numbers())
        .as((from, to, b, baselineFrom, w, q, d, limit) -> "from=" + WebClient.encode(from) + "&to=" + WebClient.encode(to)
            + maybe("baseline", b, from) + maybe("baselineFrom", baselineFrom, to) + maybe("baselineTo", to, b)
            + maybe("where", w, baselineFrom) + maybe("q", q, w) + maybe("direction", d, q) + maybe("limit", limit, d));
  }

  @Test
  void theExplainApiAnswersEveryGeneratedQuestionWithAnAnswerOrAReason() throws Exception {
    List<String> questions = new ArrayList<>();
    JqwikSession.run(String.valueOf(SEED), () -> {
      Random random = new Random(SEED);
      var generator = questions().generator(1000);
      for (int i = 0; i < 80; i++) {
        questions.add(generator.next(random).value());
      }
    });
    // Dates that are real and cover the night's days, so that some generated questions are answered.
    questions.add("from=" + RUN_DATE.minusDays(6) + "&to=" + RUN_DATE + "&where=" + WebClient.encode("market=BR"));
    WebClient api = WebClient.basic(port, "ana", PASSWORD);
    int ok = 0;
    for (String question : questions) {
      HttpResponse<String> response = api.get("/api/explain?" + question);
      assertThat(response.statusCode()).as("seed %d: /api/explain?%s answered %s", SEED, shown(question), response.body())
          .isIn(200, 400, 503);
      JsonNode body = JSON.readTree(response.body());
      if (response.statusCode() == 200) {
        ok++;
        assertThat(body.path("change").path("summary").asString()).as(shown(question)).isNotBlank();
      } else {
        assertThat(body.path("error").asString()).as(shown(question)).isNotBlank().doesNotContain("Exception", "\tat ");
      }
    }
    assertThat(ok).as("some generated questions are answered").isPositive();
  }

  private static Arbitrary<String> words() {
    return Arbitraries.oneOf(Arbitraries.of("dana", "", "   ", "TS-12", "OTHER-1", "ts-0", "<script>alert(1)</script>",
            "=HYPERLINK(\"x\")", "%00"),
        Arbitraries.strings().all().ofMaxLength(30), Arbitraries.strings().withChars('n').ofLength(100_000));
  }

  private static Arbitrary<String> causeForms() {
    Arbitrary<String> action = Arbitraries.of("acknowledge", "link", "resolve", "dismiss", "reopen");
    return Combinators.combine(action, words(), dates()).as((a, value, on) -> switch (a) {
      case "acknowledge" -> a + "?owner=" + WebClient.encode(value);
      case "link" -> a + "?ticket=" + WebClient.encode(value);
      case "resolve" -> a + "?note=" + WebClient.encode(value) + "&on=" + WebClient.encode(on);
      case "dismiss" -> a + "?reason=" + WebClient.encode(value);
      default -> a + "?";
    });
  }

  @Test
  void causeFormsAnswerEveryGeneratedValueWithTheCauseOrAReason() throws Exception {
    // A cause of its own, last in every list, so that no other test sees what this one does to it.
    long id = jdbc.queryForObject("""
        insert into tracked_cause (summary, cluster_id, dimension, value, first_seen, last_seen)
        values ('hostile forms', 'C0000', 'vendor', 'Nobody', date '2000-01-01', date '2000-01-01') returning id
        """, Long.class);
    WebClient manager = signedIn("max");
    String csrf = WebClient.encode(WebClient.csrf(manager.get("/causes/" + id).body()));
    List<String> forms = new ArrayList<>();
    JqwikSession.run(String.valueOf(SEED), () -> {
      Random random = new Random(SEED);
      var generator = causeForms().generator(1000);
      for (int i = 0; i < 60; i++) {
        forms.add(generator.next(random).value());
      }
    });
    for (String form : forms) {
      String action = form.substring(0, form.indexOf('?'));
      HttpResponse<String> response = manager.post("/causes/" + id + "/" + action, form.substring(form.indexOf('?') + 1)
          + "&_csrf=" + csrf);
      assertThat(response.statusCode()).as("seed %d: %s", SEED, shown(form)).isIn(302, 400);
      assertThat(response.body()).as(shown(form)).doesNotContain("Exception", "\tat com.");
    }
    assertThat(manager.get("/causes/" + id).statusCode()).isEqualTo(200);
  }

  @Test
  void theSearchPageAnswersEveryGeneratedRequestWithAPageThatSaysWhy() throws Exception {
    WebClient analyst = signedIn("ana");
    for (String query : draw()) {
      String page = query.replace("facet=", "f=vendor%3A").replace("limit=", "ignored=").replace("similar=", "similar=");
      HttpResponse<String> response = analyst.get("/search?" + page);
      assertThat(response.statusCode()).as("seed %d: /search?%s", SEED, shown(page)).isIn(200, 400, 404, 503);
      assertThat(response.body()).as(shown(page)).doesNotContain("Exception", "\tat com.", "Whitelabel");
    }
  }
}
