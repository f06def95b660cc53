package com.escalationrca.web.pages;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.escalationrca.correlate.FindingChanges;
import com.escalationrca.report.Charts;
import com.escalationrca.report.DailySeries;
import com.escalationrca.report.RunReport;
import com.escalationrca.web.RunCatalog;

/**
 * The morning read of one run as a page shows it: the ten most important causes, one entry each
 * (lead finding, clusters carrying it, top terms, the other findings of the same escalations) with
 * a chart of daily observed against expected counts; and what is new, continuing and ended.
 */
public record MorningRead(RunCatalog.RunRow run, RunReport report, List<Entry> entries, long newFindings,
                          long continuingFindings, List<String> ended, long dismissed) {

  static final int TOP_CAUSES = 10;

  public record Entry(int position, RunReport.FindingSummary lead, RunReport.CauseSummary cause,
                      List<RunReport.FindingSummary> also, String chart, DailySeries series, List<String> events) {

    public boolean isNew() {
      return FindingChanges.NEW.equals(lead.change());
    }

    public String tracking() {
      return com.escalationrca.report.ReportPublisher.tracking(cause.tracking());
    }

    public String carriers() {
      return cause.clusters().stream().filter(c -> !c.label().equals("not clustered"))
          .map(c -> "'" + c.label() + "' (" + c.count() + ")").collect(Collectors.joining(", "));
    }
  }

  public interface SeriesSource {
    DailySeries series(RunReport.FindingSummary finding);
  }

  public static MorningRead of(RunCatalog.RunRow run, RunReport report, SeriesSource series,
                               com.escalationrca.report.EventMarks events) {
    Map<Integer, RunReport.FindingSummary> byRank = new HashMap<>();
    report.findings().forEach(f -> byRank.put(f.rank(), f));
    List<Entry> entries = new ArrayList<>();
    for (RunReport.CauseSummary cause : report.causes().stream().filter(c -> !c.dismissed()).limit(TOP_CAUSES).toList()) {
      RunReport.FindingSummary lead = byRank.get(cause.leadRank());
      DailySeries daily = series.series(lead);
      List<com.escalationrca.events.Event> marked = events.of(lead, daily);
      entries.add(new Entry(entries.size() + 1, lead, cause,
          cause.ranks().stream().skip(1).map(byRank::get).toList(),
          Charts.dataUri(Charts.observedVersusExpected(daily, com.escalationrca.report.EventMarks.marks(marked), 720, 220)),
          daily, marked.stream().map(com.escalationrca.report.EventMarks::line).toList()));
    }
    long fresh = report.findings().stream().filter(f -> FindingChanges.NEW.equals(f.change())).count();
    return new MorningRead(run, report, entries, fresh, report.findings().size() - fresh, report.ended(),
        report.causes().stream().filter(RunReport.CauseSummary::dismissed).count());
  }
}
