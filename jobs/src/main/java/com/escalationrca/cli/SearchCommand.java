package com.escalationrca.cli;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.escalationrca.index.EscalationSearcher;
import com.escalationrca.index.SearchHit;
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
        "narrative, narrative_en, narrative_pt, narrative_es. Example: 'home address' AND vendor:\"Atlas Review\""})
final class SearchCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "QUERY", description = "Lucene query.")
  String query;

  @Option(names = "--limit", defaultValue = "10", description = "Most hits to print (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--json", description = "Print hits as a JSON array.")
  boolean json;

  @Mixin
  StorageOptions storage;

  @Override
  public Integer call() {
    // The index is a folder of files: search needs no database and starts in milliseconds.
    StorageProperties paths = new StorageProperties(storage.dataDir, storage.reportsDir);
    try (EscalationSearcher searcher = EscalationSearcher.open(paths.indexDir())) {
      List<SearchHit> hits = searcher.search(query, limit);
      if (json) {
        System.out.println(JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(hits));
        return 0;
      }
      System.out.printf("%,d matching escalations%n", searcher.count(query));
      for (SearchHit hit : hits) {
        System.out.printf(Locale.ROOT, "%s  %s  %-20s %-16s %6.2f  %s%n", hit.id(),
            hit.created().toString().substring(0, 10), hit.policy(), hit.vendor(), hit.score(), hit.snippet());
      }
      return 0;
    }
  }
}
