package com.escalationrca.publish;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.escalationrca.correlate.FindingChanges;
import com.escalationrca.report.ReportPublisher;
import com.escalationrca.report.RunReport;

/**
 * What every channel publishes of a run: its top open causes (dismissed and resolved ones left
 * out), each with its evidence, the clusters carrying it, its narratives' words and its tracking;
 * its top drops (values whose escalations fell: an outage or a routing error that loses cases is
 * news the same morning); and the links to the web pages (or the report folder when no base URL is
 * configured).
 */
public record PublishedRun(LocalDate runDate, List<Cause> causes, long newCauses, List<RunReport.DropSummary> drops,
                           String link, String reportPath) {

  /** One cause as published. */
  public record Cause(int position, RunReport.CauseSummary cause, RunReport.FindingSummary lead, boolean isNew,
                      String evidence, String carriers, String terms, String tracking, String link) {
  }

  public static PublishedRun of(RunReport report, int top, String baseUrl, String reportPath) {
    Map<Integer, RunReport.FindingSummary> byRank = new HashMap<>();
    report.findings().forEach(f -> byRank.put(f.rank(), f));
    String base = baseUrl == null ? "" : baseUrl.replaceAll("/+$", "");
    List<Cause> causes = new ArrayList<>();
    for (RunReport.CauseSummary c : report.causes()) {
      if (causes.size() >= top) {
        break;
      }
      if (c.dismissed() || (c.tracking() != null && "resolved".equals(c.tracking().state()))) {
        continue;
      }
      RunReport.FindingSummary lead = byRank.get(c.leadRank());
      String link = base.isEmpty() ? "" : c.tracking() != null ? base + "/causes/" + c.tracking().id()
          : base + "/runs/" + report.runDate() + "/findings/" + lead.rank();
      causes.add(new Cause(causes.size() + 1, c, lead, FindingChanges.NEW.equals(lead.change()), evidence(lead),
          c.clusters().stream().filter(k -> !k.label().equals("not clustered"))
              .map(k -> "'" + k.label() + "' (" + k.count() + ")").collect(Collectors.joining(", ")),
          String.join(", ", c.topTerms()), ReportPublisher.tracking(c.tracking()), link));
    }
    long fresh = causes.stream().filter(Cause::isNew).count();
    List<RunReport.DropSummary> drops = report.drops() == null ? List.of()
        : report.drops().stream().limit(top).toList();
    return new PublishedRun(report.runDate(), causes, fresh, drops,
        base.isEmpty() ? "" : base + "/runs/" + report.runDate(), reportPath);
  }

  /** "observed 46 against 6.8 expected · lift 6.78 (95 % CI 4.96–9.04) · q < 1e-9 · since 2026-02-25". */
  static String evidence(RunReport.FindingSummary f) {
    return String.format(Locale.ROOT, "%s · observed %d against %.1f expected · lift %.2f (95 %% CI %.2f–%.2f) · q %s%s",
        f.kind(), f.observed(), f.expected(), f.lift(), f.liftLow(), f.liftHigh(),
        f.qValue() < 1e-9 ? "< 1e-9" : String.format(Locale.ROOT, "%.2g", f.qValue()),
        f.since() == null ? "" : " · since " + f.since());
  }

  /** The headline every channel shares: "Escalation RCA 2026-11-20: 3 top cause(s), 1 new, 1 drop". */
  public String headline() {
    return "Escalation RCA " + runDate + ": " + causes.size() + " top cause(s), " + newCauses + " new"
        + (drops.isEmpty() ? "" : ", " + drops.size() + (drops.size() == 1 ? " drop" : " drops"));
  }

  /** Where a reader goes for the whole morning read. */
  public String where() {
    return link.isEmpty() ? reportPath : link;
  }
}
