package com.escalationrca.cli;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import com.escalationrca.explain.ExplainEngine;
import com.escalationrca.explain.ExplainRequest;
import com.escalationrca.explain.Explained;
import com.escalationrca.explain.Explanation;
import com.escalationrca.index.EscalationSearcher;
import com.escalationrca.index.QuerySyntaxException;
import com.escalationrca.store.StorageProperties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

@Command(name = "explain", mixinStandardHelpOptions = true,
    description = {"What explains the change in a window against a baseline.", "The headline change, then the "
        + "dimension values and combinations of up to three, narrative clusters among them, that "
        + "changed more than the rest (q-value, Benjamini–Hochberg over all tested), ranked by the "
        + "share of the change each accounts for, with the search that lists their escalations, and "
        + "the share left unexplained."})
final class ExplainCommand implements Callable<Integer> {

  @Mixin
  StorageOptions storage;

  @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD", description = "First day of the window (UTC).")
  LocalDate from;

  @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD", description = "Last day of the window, included.")
  LocalDate to;

  @Option(names = "--baseline", defaultValue = "previous", paramLabel = "previous|weekdays:N",
      description = "previous: the period before the window, four times as long (default); weekdays:N: the same"
          + " weekdays of the N weeks before (a window of at most 7 days).")
  String baseline;

  @Option(names = "--baseline-from", paramLabel = "YYYY-MM-DD",
      description = "First day of a baseline of your own (with --baseline-to), instead of --baseline.")
  LocalDate baselineFrom;

  @Option(names = "--baseline-to", paramLabel = "YYYY-MM-DD", description = "Last day of the baseline, included.")
  LocalDate baselineTo;

  @Option(names = "--where", paramLabel = "DIM=VALUE",
      description = "Narrow the population (repeatable), e.g. --where market=BR or --where cluster=C0012.")
  Map<String, String> where = new LinkedHashMap<>();

  @Option(names = "--query", paramLabel = "TEXT",
      description = "Narrow the population to the escalations this search matches (the search syntax, e.g. "
          + "'chargeback AND vendor:\"Meridian Ops\"'; needs the index a night built).")
  String query;

  @Option(names = "--similar", paramLabel = "ID",
      description = "Is this escalation part of a pattern? Narrow the population to it and its 200 most similar"
          + " escalations (more-like-this, as `rca search --similar`; needs the index a night built).")
  String similar;

  @Option(names = "--metric", defaultValue = "count", paramLabel = "count|share:DIM=VALUE",
      description = "count: escalations (default); share:DIM=VALUE: the share of escalations with a value, e.g."
          + " share:outcome=overturned (a vendor's quality reviews): which values moved it, and by how "
          + "many escalations.")
  String metric;

  @Option(names = "--direction", defaultValue = "both", paramLabel = "rise|dip|both",
      description = "Which change to explain (default: ${DEFAULT-VALUE}).")
  ExplainRequest.Direction direction;

  @Option(names = "--limit", defaultValue = "10", paramLabel = "N", description = "Explanations shown (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--json", description = "Print the answer as JSON.")
  boolean json;

  @Override
  public Integer call() {
    ExplainRequest request = request();
    if (query != null && similar != null) {
      throw new UsageException("--query and --similar each name a population: give one of them");
    }
    if (query != null) {
      request = request.matching(matching(query));
    }
    if (similar != null) {
      request = request.matching(lookAlikes(similar));
    }
    // With --json, stdout is the answer alone (for jq and scripts): the embedded database's start line stays out.
    try (var context = json ? ApplicationContexts.start(storage, "--logging.level.com.escalationrca=WARN")
        : ApplicationContexts.start(storage)) {
      Explained answer;
      try {
        answer = context.getBean(ExplainEngine.class).explain(request);
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage());
      }
      if (json) {
        System.out.println(JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(answer));
      } else {
        print(answer);
      }
      return 0;
    }
  }

  /** The escalations the query matches in the index the last night built. */
  private ExplainRequest.Matching matching(String text) {
    if (text.isBlank()) {
      throw new UsageException("--query is empty: give a search query (the search syntax), or leave it out");
    }
    StorageProperties paths = new StorageProperties(storage.dataDir, storage.reportsDir);
    try (EscalationSearcher searcher = EscalationSearcher.open(paths.indexDir())) {
      return new ExplainRequest.Matching(text, searcher.externalIds(text));
    } catch (QuerySyntaxException | IllegalStateException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /** The escalation and its most similar ones in the index the last night built. */
  private ExplainRequest.Matching lookAlikes(String externalId) {
    StorageProperties paths = new StorageProperties(storage.dataDir, storage.reportsDir);
    try (EscalationSearcher searcher = EscalationSearcher.open(paths.indexDir())) {
      return ExplainRequest.Matching.similarTo(externalId,
          searcher.lookAlikes(externalId, ExplainRequest.Matching.LOOK_ALIKES));
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new UsageException(e.getMessage());
    }
  }

  private ExplainRequest request() {
    try {
      return ExplainRequest.of(from, to, baseline, baselineFrom, baselineTo, where, direction, limit)
          .measuring(ExplainRequest.Share.parse(metric));
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  private static void print(Explained answer) {
    Explained.Change change = answer.change();
    System.out.printf("window %s against baseline %s%n", change.window(), change.baseline());
    System.out.println(change.summary());
    if (answer.explanations().isEmpty()) {
      System.out.printf("no value or combination changed more than the rest (%,d tested, q < 0.05)%n", answer.tested());
      return;
    }
    System.out.printf("%-3s %-64s %8s %9s %9s %-20s %8s  %s%n", "#", "explanation", "window", "baseline", "expected",
        "lift (95 %)", "q", "explains");
    for (Explanation x : answer.explanations()) {
      System.out.printf("%-3d %-64s %,8d %,9d %,9.0f %-20s %8s  %.0f %% (%+,.0f of %+,.0f)%n", x.rank(), x.description(),
          x.observed(), x.baselineObserved(), x.expected(), lift(x), q(x.q()), 100 * x.contribution(), x.excess(),
          change.excess());
      if (!x.also().isEmpty()) {
        System.out.println("    the same escalations: " + String.join(" · ", x.also()));
      }
      for (Explanation part : x.within()) {
        System.out.printf("    within it: %s, %,d against %,.0f expected, q %s, %.0f %% (%+,.0f)%n", part.description(),
            part.observed(), part.expected(), q(part.q()), 100 * part.contribution(), part.excess());
      }
      if (x.event() != null) {
        System.out.println("    " + x.event());
      }
      System.out.println("    list them: " + searchCommand(x.search()));
    }
    System.out.printf("%,d candidates tested; %.0f %% of the change is left unexplained by the explanations shown%n",
        answer.tested(), 100 * answer.unexplained());
    answer.notes().forEach(System.out::println);
  }

  /** The search command that lists an explanation's escalations of the window, ready to paste into a shell. */
  static String searchCommand(Explanation.Search search) {
    return "rca search '" + search.query().replace("'", "'\\''") + "' --from " + search.from() + " --to " + search.to()
        + (search.cluster() == null ? "" : " --cluster " + search.cluster());
  }

  private static String lift(Explanation x) {
    return x.lift() == null ? "new" : String.format("%.1f× (%.1f–%.1f)", x.lift(), x.liftLow(), x.liftHigh());
  }

  private static String q(double q) {
    return q < 0.001 ? "< 0.001" : String.format("%.3f", q);
  }
}
