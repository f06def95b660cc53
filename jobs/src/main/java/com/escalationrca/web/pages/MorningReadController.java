package com.escalationrca.web.pages;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.escalationrca.correlate.Finding;
import com.escalationrca.correlate.Observation;
import com.escalationrca.index.IndexSchema;
import com.escalationrca.report.Charts;
import com.escalationrca.report.DailySeries;
import com.escalationrca.report.FindingSeries;
import com.escalationrca.report.RunReport;
import com.escalationrca.web.Escalations;
import com.escalationrca.web.NotFoundException;
import com.escalationrca.web.RunCatalog;
import com.escalationrca.web.WebProperties;
import com.escalationrca.web.security.AuditLog;
import com.escalationrca.web.security.Viewer;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The morning read of a run, the list of runs, and a finding with the escalations behind it. */
@Controller
public class MorningReadController {

  private static final int RUNS_LISTED = 60;
  private static final int READS_KEPT = 8;

  private final Map<String, MorningRead> reads = new java.util.concurrent.ConcurrentHashMap<>();

  private final RunCatalog catalog;
  private final FindingSeries series;
  private final Escalations escalations;
  private final AuditLog audit;
  private final WebProperties properties;
  private final com.escalationrca.report.EventMarks events;
  private final com.escalationrca.events.EventStore eventStore;

  public MorningReadController(RunCatalog catalog, FindingSeries series, Escalations escalations, AuditLog audit,
                               WebProperties properties, com.escalationrca.report.EventMarks events,
                               com.escalationrca.events.EventStore eventStore) {
    this.events = events;
    this.eventStore = eventStore;
    this.catalog = catalog;
    this.series = series;
    this.escalations = escalations;
    this.audit = audit;
    this.properties = properties;
  }

  @GetMapping("/")
  public String latest(Model model) {
    return catalog.latestCompleted().map(run -> read(run, model)).orElseGet(() -> {
      model.addAttribute("runs", catalog.runs(RUNS_LISTED));
      return "no-runs";
    });
  }

  @GetMapping("/runs/{date}")
  public String run(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, Model model) {
    return read(completed(date), model);
  }

  @GetMapping("/runs")
  public String runs(Model model) {
    model.addAttribute("runs", catalog.runs(RUNS_LISTED));
    return "runs";
  }

  private String read(RunCatalog.RunRow run, Model model) {
    // A completed run's morning read changes only with its causes' tracking and the events on its
    // charts: charts are drawn once per run and version, not per visit.
    MorningRead read = reads.computeIfAbsent(run.runId() + "@" + catalog.trackingVersion() + "@" + eventStore.version(), id -> {
      if (reads.size() >= READS_KEPT) {
        reads.clear();
      }
      return MorningRead.of(run, catalog.report(run), f -> series.series(run.runId(), f), events);
    });
    model.addAttribute("read", read);
    boolean analyst = model.getAttribute("viewer") instanceof Viewer v && v.analyst();
    Map<Integer, String> investigate = new java.util.HashMap<>();
    read.entries().forEach(e -> investigate.put(e.lead().rank(),
        InvestigateLinks.forFinding(e.lead(), e.series(), run.date(), read.report().window().start(), analyst)));
    model.addAttribute("investigate", investigate);
    Map<Integer, String> dropLinks = new java.util.HashMap<>();
    read.report().drops().forEach(d -> dropLinks.put(d.rank(), InvestigateLinks.forDrop(d, read.report().window())));
    model.addAttribute("dropLinks", dropLinks);
    model.addAttribute("previous", catalog.previous(run).orElse(null));
    model.addAttribute("runs", catalog.runs(RUNS_LISTED));
    return "morning-read";
  }

  @GetMapping("/runs/{date}/findings/{rank}")
  public String finding(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                        @PathVariable int rank, @RequestParam(defaultValue = "1") int page, Model model,
                        HttpServletRequest request) {
    RunCatalog.RunRow run = completed(date);
    RunReport report = catalog.report(run);
    RunReport.FindingSummary finding = report.findings().stream().filter(f -> f.rank() == rank).findFirst()
        .orElseThrow(() -> new NotFoundException("The run of " + date + " has no finding #" + rank + "."));
    List<Observation> members = series.members(run.runId(), finding);
    int size = properties.pageSize();
    int pages = Math.max(1, (members.size() + size - 1) / size);
    int current = Math.min(Math.max(1, page), pages);
    List<String> ids = members.stream().skip((long) (current - 1) * size).limit(size).map(Observation::externalId).toList();
    DailySeries daily = series.series(run.runId(), finding);
    model.addAttribute("run", run);
    model.addAttribute("finding", finding);
    List<com.escalationrca.events.Event> marked = events.of(finding, daily);
    model.addAttribute("chart", Charts.dataUri(Charts.observedVersusExpected(daily,
        com.escalationrca.report.EventMarks.marks(marked), 720, 220)));
    model.addAttribute("events", marked.stream().map(com.escalationrca.report.EventMarks::line).toList());
    model.addAttribute("series", daily);
    model.addAttribute("total", members.size());
    model.addAttribute("lines", escalations.lines(ids));
    model.addAttribute("page", current);
    model.addAttribute("pages", pages);
    model.addAttribute("searchLink", searchLink(finding, run, daily));
    model.addAttribute("investigateLink", InvestigateLinks.forFinding(finding, daily, run.date(),
        report.window().start(), model.getAttribute("viewer") instanceof Viewer v && v.analyst()));
    audit.record(model.getAttribute("viewer") instanceof Viewer v ? v.name() : "", "finding",
        date + " #" + rank + " page " + current, Viewer.remote(request));
    return "finding";
  }

  /** The search page with the finding's own filters: its values, its cluster, its days. */
  static String searchLink(RunReport.FindingSummary finding, RunCatalog.RunRow run, DailySeries daily) {
    List<String> filters = new ArrayList<>();
    String query = "";
    for (Map.Entry<String, String> e : Finding.values(finding.dimension(), finding.value()).entrySet()) {
      if (IndexSchema.isFacet(e.getKey())) {
        filters.add(e.getKey() + ":" + e.getValue());
      } else if (e.getKey().equals(com.escalationrca.correlate.FindingMembers.WORDS)) {
        // A rise of words: the word as a phrase of the narrative (analysed as search analyses it).
        query = "\"" + e.getValue().replace("\"", "") + "\"";
      }
    }
    LocalDate from = daily.onset() != null ? daily.onset() : daily.days().get(0).day();
    LocalDate to = daily.days().get(daily.days().size() - 1).day();
    String cluster = finding.clusterId().equals("all") ? null : finding.clusterId();
    return new SearchForm(query, filters, from, to, cluster, null, 1).page(1);
  }

  private RunCatalog.RunRow completed(LocalDate date) {
    return catalog.completed(date).orElseThrow(() -> new NotFoundException("No completed run on " + date + "."));
  }
}
