package com.escalationrca.web.pages;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.escalationrca.index.IndexSchema;
import com.escalationrca.index.LiveSearcher;
import com.escalationrca.index.QuerySyntaxException;
import com.escalationrca.index.SearchHit;
import com.escalationrca.index.SearchProperties;
import com.escalationrca.index.SearchResult;
import com.escalationrca.report.SpreadsheetCell;
import com.escalationrca.web.SearchPermits;
import com.escalationrca.web.WebProperties;
import com.escalationrca.web.security.AuditLog;
import com.escalationrca.web.security.Viewer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Analysts' search: Lucene query syntax, facets as filters, dates, cluster, highlighting, paging,
 * "similar" per hit, and a CSV export of the result set (capped at rca.web.export-limit). Every
 * search and export is audited.
 */
@Controller
public class SearchController {

  private final LiveSearcher searcher;
  private final AuditLog audit;
  private final WebProperties properties;
  private final SearchPermits permits;
  private final List<String> facets;

  public SearchController(LiveSearcher searcher, AuditLog audit, WebProperties properties, SearchPermits permits,
                          SearchProperties search, com.escalationrca.ingest.Taxonomy taxonomy) {
    if (properties.exportLimit() > search.maxWindow()) {
      throw new IllegalStateException("rca.web.export-limit (" + properties.exportLimit()
          + ") is beyond rca.search.max-window (" + search.maxWindow() + "): an export could never be read whole");
    }
    this.searcher = searcher;
    this.audit = audit;
    this.properties = properties;
    this.permits = permits;
    this.facets = IndexSchema.facets(taxonomy);
  }

  /** A hit with its snippet as plain and highlighted parts. */
  public record HitView(SearchHit hit, Snippet snippet) {
  }

  @GetMapping("/search")
  public String search(@ModelAttribute SearchForm form, Model model, HttpServletRequest request) {
    model.addAttribute("form", form);
    model.addAttribute("exportLimit", properties.exportLimit());
    model.addAttribute("indexed", searcher.with(s -> s.size()));
    if (form.isEmpty()) {
      return "search";
    }
    String user = ((Viewer) model.getAttribute("viewer")).name();
    audit.record(user, "search", describe(form), Viewer.remote(request));
    try {
      SearchResult result = permits.run(user, () -> searcher.with(s -> s.search(form.request(properties.pageSize(), facets))));
      model.addAttribute("result", result);
      model.addAttribute("hits", result.hits().stream().map(h -> new HitView(h, Snippet.of(h.snippet()))).toList());
      model.addAttribute("pages", Math.max(1, (result.total() + properties.pageSize() - 1) / properties.pageSize()));
    } catch (QuerySyntaxException e) {
      model.addAttribute("error", e.getMessage());
    }
    return "search";
  }

  @GetMapping("/search.csv")
  public void export(@ModelAttribute SearchForm form, Model model, HttpServletRequest request,
                     HttpServletResponse response) throws IOException {
    if (form.isEmpty()) {
      throw new IllegalArgumentException("Give a query or a filter to export.");
    }
    String user = ((Viewer) model.getAttribute("viewer")).name();
    SearchResult result = permits.run(user, () -> searcher.with(s -> s.search(new SearchForm(form.q(), form.f(),
        form.from(), form.to(), form.cluster(), form.similar(), 1).request(properties.exportLimit(), facets))));
    audit.record(user, "export",
        describe(form) + " (" + Math.min(result.total(), properties.exportLimit()) + " rows)", Viewer.remote(request));
    response.setContentType("text/csv; charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"escalations.csv\"");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    Writer out = response.getWriter();
    try (CSVPrinter csv = CSVFormat.RFC4180.builder()
        .setHeader("id", "created", "policy", "vendor", "cluster", "score", "snippet").get().print(out)) {
      for (SearchHit hit : result.hits()) {
        csv.printRecord(SpreadsheetCell.of(hit.id()), hit.created(), SpreadsheetCell.of(hit.policy()),
            SpreadsheetCell.of(hit.vendor()), hit.cluster(), hit.score(),
            SpreadsheetCell.of(hit.snippet().replace("<b>", "").replace("</b>", "")));
      }
    }
  }

  private static String describe(SearchForm form) {
    StringBuilder s = new StringBuilder("q=").append(form.q());
    form.f().forEach(f -> s.append(" f=").append(f));
    if (form.from() != null) {
      s.append(" from=").append(form.from());
    }
    if (form.to() != null) {
      s.append(" to=").append(form.to());
    }
    if (form.cluster() != null) {
      s.append(" cluster=").append(form.cluster());
    }
    if (form.similar() != null) {
      s.append(" similar=").append(form.similar());
    }
    return s.toString();
  }
}
