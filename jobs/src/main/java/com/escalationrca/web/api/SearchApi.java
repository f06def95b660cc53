package com.escalationrca.web.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.escalationrca.index.LiveSearcher;
import com.escalationrca.index.SearchRequest;
import com.escalationrca.index.SearchResult;
import com.escalationrca.web.security.AuditLog;
import com.escalationrca.web.SearchPermits;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * GET /api/search: the parameters and JSON of {@code rca search --json} (q, limit, page, from, to,
 * cluster, similar, facet), so {@code total}, {@code page}, {@code hits} and {@code facets}.
 */
@RestController
public class SearchApi {

  private final LiveSearcher searcher;
  private final AuditLog audit;
  private final SearchPermits permits;

  public SearchApi(LiveSearcher searcher, AuditLog audit, SearchPermits permits) {
    this.searcher = searcher;
    this.audit = audit;
    this.permits = permits;
  }

  @GetMapping("/api/search")
  public SearchResult search(@RequestParam(required = false) String q,
                             @RequestParam(defaultValue = "10") int limit,
                             @RequestParam(defaultValue = "1") int page,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                             @RequestParam(required = false) String cluster,
                             @RequestParam(required = false) String similar,
                             @RequestParam(required = false) List<String> facet,
                             Authentication user, HttpServletRequest request) {
    if (limit > 1000) {
      throw new IllegalArgumentException("limit is at most 1000 per page");
    }
    List<String> facets = new ArrayList<>();
    if (facet != null) {
      facet.forEach(f -> facets.addAll(List.of(f.split(","))));
    }
    SearchRequest search = new SearchRequest(q, from, to, cluster, similar, facets, limit, page);
    audit.record(user.getName(), "api search", "q=" + q + (similar == null ? "" : " similar=" + similar)
        + (cluster == null ? "" : " cluster=" + cluster), request.getRemoteAddr());
    return permits.run(user.getName(), () -> searcher.with(s -> s.search(search)));
  }
}
