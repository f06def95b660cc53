package com.escalationrca.index;

import java.util.List;
import java.util.Map;

/** A page of hits, the total number of matches, and the requested facet counts (value → count). */
public record SearchResult(long total, int page, List<SearchHit> hits, Map<String, Map<String, Long>> facets) {

  public SearchResult {
    hits = List.copyOf(hits);
    facets = Map.copyOf(facets);
  }
}
