package com.escalationrca.web.pages;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.escalationrca.report.Charts;
import com.escalationrca.report.RunReport;
import com.escalationrca.web.Escalations;
import com.escalationrca.web.NotFoundException;
import com.escalationrca.web.RunCatalog;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A cluster of a run: label, terms, profile, its findings, redacted examples, and its size night by
 * night (cluster ids are kept across nights, so the same id is the same problem).
 */
@Controller
public class ClusterController {

  private final RunCatalog catalog;
  private final Escalations escalations;
  private final com.escalationrca.report.EventMarks eventMarks;

  public ClusterController(RunCatalog catalog, Escalations escalations, com.escalationrca.report.EventMarks eventMarks) {
    this.eventMarks = eventMarks;
    this.catalog = catalog;
    this.escalations = escalations;
  }

  @GetMapping("/clusters/{id}")
  public String cluster(@PathVariable String id,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate run,
                        Model model) {
    RunCatalog.RunRow row = (run == null ? catalog.latestCompleted() : catalog.completed(run))
        .orElseThrow(() -> new NotFoundException(run == null ? "No completed run yet." : "No completed run on " + run + "."));
    RunReport report = catalog.report(row);
    RunReport.ClusterSummary cluster = report.clusters().stream().filter(c -> c.id().equals(id)).findFirst()
        .orElseThrow(() -> new NotFoundException("The run of " + row.date() + " has no cluster " + id + "."));
    List<Map.Entry<LocalDate, Integer>> sizes = catalog.clusterSizes(id);
    model.addAttribute("run", row);
    model.addAttribute("cluster", cluster);
    model.addAttribute("sizes", sizes);
    List<com.escalationrca.events.Event> marked = sizes.isEmpty() ? List.of()
        : eventMarks.concerning(sizes.get(0).getKey(), sizes.get(sizes.size() - 1).getKey(), Map.of());
    model.addAttribute("chart", Charts.dataUri(Charts.sizes(sizes, com.escalationrca.report.EventMarks.marks(marked), 720, 200)));
    model.addAttribute("events", marked.stream().map(com.escalationrca.report.EventMarks::line).toList());
    model.addAttribute("findings", report.findings().stream().filter(f -> !f.clusterId().equals("all")
            && com.escalationrca.correlate.FindingMembers.within(f.clusterId(), id)).toList());
    model.addAttribute("examples", escalations.lines(cluster.exampleIds()));
    model.addAttribute("investigateLink", InvestigateLinks.forCluster(id, row.date(), report.window().start()));
    return "cluster";
  }
}
