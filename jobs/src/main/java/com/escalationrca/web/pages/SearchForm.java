package com.escalationrca.web.pages;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.escalationrca.index.IndexSchema;
import com.escalationrca.index.SearchRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The search page's parameters: a Lucene query, facet filters ({@code f=vendor:Atlas Review}),
 * a date range, a cluster and a page. Filters become exact phrase clauses on keyword fields, so a
 * value with quotes or operators in it filters exactly and never changes the query's meaning.
 */
public record SearchForm(String q, List<String> f,
                         @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                         @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                         String cluster, String similar, Integer page) {

  public SearchForm {
    q = q == null ? "" : q.strip();
    f = f == null ? List.of() : f.stream().filter(v -> v != null && v.contains(":")).toList();
    cluster = cluster == null || cluster.isBlank() ? null : cluster.strip();
    similar = similar == null || similar.isBlank() ? null : similar.strip();
    page = page == null ? 1 : Math.max(1, page);
  }

  public boolean isEmpty() {
    return q.isEmpty() && f.isEmpty() && similar == null && cluster == null && from == null && to == null;
  }

  /** The filters by field, in the order given. */
  public Map<String, String> filters() {
    Map<String, String> filters = new LinkedHashMap<>();
    for (String filter : f) {
      int colon = filter.indexOf(':');
      String field = filter.substring(0, colon);
      if (!IndexSchema.isFacet(field)) {
        throw new IllegalArgumentException("cannot filter on '" + field + "'; fields: " + IndexSchema.FACETS
            + ", or a dimension your taxonomy declares");
      }
      filters.put(field, filter.substring(colon + 1));
    }
    return filters;
  }

  /** The Lucene query: the typed one, AND every filter as an exact phrase. */
  public String luceneQuery() {
    List<String> clauses = new ArrayList<>();
    if (!q.isEmpty()) {
      clauses.add("(" + q + ")");
    }
    filters().forEach((field, value) -> clauses.add(field + ":\"" + value.replace("\\", "\\\\").replace("\"", "\\\"")
        + "\""));
    if (clauses.isEmpty() && similar == null) {
      // Only a date or cluster filter: every escalation, filtered.
      clauses.add("*:*");
    }
    return clauses.isEmpty() ? null : String.join(" AND ", clauses);
  }

  /** The search this form asks for, counting the given facets (the taxonomy's). */
  public SearchRequest request(int limit, List<String> facets) {
    return new SearchRequest(luceneQuery(), from, to, cluster, similar, facets, limit, page);
  }

  /** This search with one more filter, from page 1. */
  public String with(String field, String value) {
    List<String> more = new ArrayList<>(f);
    more.removeIf(v -> v.startsWith(field + ":"));
    more.add(field + ":" + value);
    return url("/search", q, more, 1);
  }

  /** This search without one filter, from page 1. */
  public String without(String filter) {
    List<String> fewer = new ArrayList<>(f);
    fewer.remove(filter);
    return url("/search", q, fewer, 1);
  }

  public String page(int number) {
    return url("/search", q, f, number);
  }

  public String csv() {
    return url("/search.csv", q, f, 1);
  }

  private String url(String path, String query, List<String> filters, int number) {
    UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
    if (!query.isEmpty()) {
      b.queryParam("q", query);
    }
    filters.forEach(v -> b.queryParam("f", v));
    if (from != null) {
      b.queryParam("from", from);
    }
    if (to != null) {
      b.queryParam("to", to);
    }
    if (cluster != null) {
      b.queryParam("cluster", cluster);
    }
    if (similar != null) {
      b.queryParam("similar", similar);
    }
    if (number > 1) {
      b.queryParam("page", number);
    }
    return b.encode().build().toUriString();
  }
}
