package com.escalationrca.cli;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import com.escalationrca.index.EscalationSearcher;
import com.escalationrca.index.SearchHit;
import com.escalationrca.index.SearchRequest;
import com.escalationrca.index.SearchResult;
import com.escalationrca.store.StorageProperties;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.json.JsonMapper;

@Command(name = "search", mixinStandardHelpOptions = true,
    description = {"Searches the indexed escalations with Lucene query syntax.",
        "Free text searches the narratives (all languages, stemmed per language); fields: id, day,",
        "policy, vendor, market, language, channel, priority, action, outcome, detected_language,",
        "narrative, narrative_en, narrative_pt, narrative_es. Example: '\"home address\" AND vendor:\"Atlas Review\"'"})
final class SearchCommand implements Callable<Integer> {

  @Parameters(index = "0", arity = "0..1", paramLabel = "QUERY", description = "Lucene query (optional with --similar).")
  String query;

  @Option(names = "--limit", defaultValue = "10", description = "Hits per page (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--page", defaultValue = "1", description = "Page of hits, from 1 (default: ${DEFAULT-VALUE}).")
  int page;

  @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "Only escalations created on or after this day (UTC).")
  LocalDate from;

  @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Only escalations created on or before this day (UTC).")
  LocalDate to;

  @Option(names = "--cluster", paramLabel = "ID", description = "Only escalations in this cluster of the latest run (e.g. C0012).")
  String cluster;

  @Option(names = "--similar", paramLabel = "ID", description = "Escalations similar to this one (more-like-this).")
  String similar;

  @Option(names = "--facet", paramLabel = "FIELD", split = ",",
      description = "Count the matches per value of FIELD (repeatable or comma-separated): policy, vendor, market,"
          + " language, channel, priority, action, outcome, detected_language.")
  List<String> facets = new ArrayList<>();

  @Option(names = "--json", description = "Print the result (total, page, hits, facets) as JSON.")
  boolean json;

  @Mixin
  StorageOptions storage;

  @Override
  public Integer call() {
    SearchRequest request = new SearchRequest(query, from, to, cluster, similar, facets, limit, page);
    // The index is a folder of files: search needs no database and starts in milliseconds.
    StorageProperties paths = new StorageProperties(storage.dataDir, storage.reportsDir);
    try (EscalationSearcher searcher = EscalationSearcher.open(paths.indexDir())) {
      SearchResult result = searcher.search(request);
      if (json) {
        System.out.println(JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(result));
        return 0;
      }
      System.out.printf("%,d matching escalations (page %d)%n", result.total(), result.page());
      for (SearchHit hit : result.hits()) {
        System.out.printf(Locale.ROOT, "%s  %s  %-20s %-16s %-6s %6.2f  %s%n", hit.id(),
            hit.created().toString().substring(0, 10), hit.policy(), hit.vendor(), hit.cluster(), hit.score(), hit.snippet());
      }
      for (Map.Entry<String, Map<String, Long>> facet : result.facets().entrySet()) {
        System.out.println(facet.getKey() + ":");
        facet.getValue().forEach((value, count) -> System.out.printf("  %-40s %,8d%n", value, count));
      }
      return 0;
    }
  }
}
