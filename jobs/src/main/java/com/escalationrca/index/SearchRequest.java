package com.escalationrca.index;

import java.time.LocalDate;
import java.util.List;

/**
 * One analyst search: a Lucene query (or none, with {@code similarTo}), filters by creation date
 * (inclusive, UTC) and cluster, the facets to count, and the page to return.
 */
public record SearchRequest(String query, LocalDate from, LocalDate to, String cluster, String similarTo,
                            List<String> facets, int limit, int page) {

  public SearchRequest {
    facets = facets == null ? List.of() : List.copyOf(facets);
    for (String facet : facets) {
      if (!IndexSchema.isFacet(facet)) {
        throw new IllegalArgumentException("cannot facet on '" + facet + "': facets are dimensions (" + IndexSchema.FACETS
            + ", or a name your taxonomy declares)");
      }
    }
    if (limit < 1 || page < 1) {
      throw new IllegalArgumentException("--limit and --page must be at least 1");
    }
    if ((query == null || query.isBlank()) && similarTo == null) {
      throw new IllegalArgumentException("give a query, or --similar ID");
    }
    for (LocalDate day : new LocalDate[] {from, to}) {
      if (day != null && (day.getYear() < 1900 || day.getYear() > 9999)) {
        throw new IllegalArgumentException("the date " + day + " is outside the years 1900–9999");
      }
    }
    if (from != null && to != null && to.isBefore(from)) {
      throw new IllegalArgumentException("--to " + to + " is before --from " + from);
    }
  }

  public static SearchRequest of(String query, int limit) {
    return new SearchRequest(query, null, null, null, null, List.of(), limit, 1);
  }
}
