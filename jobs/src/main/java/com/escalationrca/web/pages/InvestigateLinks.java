package com.escalationrca.web.pages;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.escalationrca.correlate.Finding;
import com.escalationrca.correlate.FindingMembers;
import com.escalationrca.explain.Explanation;
import com.escalationrca.index.IndexSchema;
import com.escalationrca.report.DailySeries;
import com.escalationrca.report.RunReport;
import com.escalationrca.web.InvestigateForm;

/**
 * The "Investigate" buttons of the pages: a
 * finding's values and cluster from its onset to its night, a cluster's last week, an escalation's
 * cluster around its day; and an explanation's escalations on the search page.
 */
final class InvestigateLinks {

  private InvestigateLinks() {
  }

  private static final java.util.regex.Pattern ONE_CLUSTER = java.util.regex.Pattern.compile("C\\d+");

  /**
   * What explains a finding's rise: within its values (and its cluster), from its onset to its
   * night, against the days before it that the night clustered ({@code clusteredFrom}: its window's
   * first day), as the night itself compared them.
   */
  static String forFinding(RunReport.FindingSummary finding, DailySeries series, LocalDate night, LocalDate clusteredFrom,
                           boolean analyst) {
    Map<String, String> where = new LinkedHashMap<>();
    String q = null;
    for (Map.Entry<String, String> e : Finding.values(finding.dimension(), finding.value()).entrySet()) {
      if (com.escalationrca.ingest.Taxonomy.isDimensionName(e.getKey())) {
        where.put(e.getKey(), e.getValue());
      } else if (e.getKey().equals(FindingMembers.WORDS) && analyst) {
        q = "\"" + e.getValue().replace("\"", "") + "\"";
      }
    }
    if (ONE_CLUSTER.matcher(finding.clusterId()).matches()) {
      where.put("cluster", finding.clusterId());
    }
    LocalDate onset = series == null ? null : series.onset();
    LocalDate from = onset != null && !onset.isAfter(night) ? onset : night.minusDays(InvestigateForm.DEFAULT_DAYS - 1);
    return within(from, night, clusteredFrom, where, q);
  }

  /** What changed within a cluster in the week ending on a night, against the night's earlier days. */
  static String forCluster(String clusterId, LocalDate night, LocalDate clusteredFrom) {
    return within(night.minusDays(InvestigateForm.DEFAULT_DAYS - 1), night, clusteredFrom, Map.of("cluster", clusterId), null);
  }

  /** Is this escalation part of a pattern: its cluster's week ending on its day. */
  static String forEscalation(String clusterId, java.time.Instant created, LocalDate clusteredFrom) {
    return forCluster(clusterId, created.atZone(java.time.ZoneOffset.UTC).toLocalDate(), clusteredFrom);
  }

  /**
   * The window against the clustered days before it, when there are at least as many as the window
   * has (a cluster's counts compare only over days a night clustered); otherwise the default baseline.
   */
  private static String within(LocalDate from, LocalDate to, LocalDate clusteredFrom, Map<String, String> where, String q) {
    List<String> values = where.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
    long days = java.time.temporal.ChronoUnit.DAYS.between(from, to) + 1;
    boolean covered = clusteredFrom != null && !clusteredFrom.plusDays(days - 1).isAfter(from.minusDays(1));
    return (covered ? new InvestigateForm(from, to, null, clusteredFrom, from.minusDays(1), values, q, null, null)
        : new InvestigateForm(from, to, null, null, null, values, q, null, null)).url("/investigate");
  }

  /** What explains a drop: the whole population's dip in the night's last week, against its days before. */
  static String forDrop(RunReport.DropSummary drop, RunReport.Window window) {
    LocalDate from = window.end().minusDays(InvestigateForm.DEFAULT_DAYS - 1);
    boolean before = !window.start().isAfter(from.minusDays(InvestigateForm.DEFAULT_DAYS));
    return new InvestigateForm(from, window.end(), null, before ? window.start() : null, before ? from.minusDays(1) : null,
        List.of(), null, "dip", null).url("/investigate");
  }

  /** The search page listing an explanation's escalations of the window. */
  static String search(Explanation x) {
    Explanation.Search s = x.search();
    return new SearchForm(s.text(), s.filters().entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).toList(),
        s.from(), s.to(), s.cluster(), null, 1).page(1);
  }
}
