package com.escalationrca.web.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.escalationrca.report.RunReport;
import com.escalationrca.web.NotFoundException;
import com.escalationrca.web.RunCatalog;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** GET /api/clusters/{id}: the cluster in the latest completed run, its findings and its size night by night. */
@RestController
public class ClusterApi {

  private final RunCatalog catalog;

  public ClusterApi(RunCatalog catalog) {
    this.catalog = catalog;
  }

  /** The cluster as findings.json has it, with the run it is from, its findings and its sizes by run date. */
  public record ClusterView(LocalDate runDate, RunReport.ClusterSummary cluster, List<RunReport.FindingSummary> findings,
                            Map<LocalDate, Integer> sizes) {
  }

  @GetMapping("/api/clusters/{id}")
  public ClusterView cluster(@PathVariable String id) {
    RunCatalog.RunRow run = catalog.latestCompleted().orElseThrow(() -> new NotFoundException("no completed run yet"));
    RunReport report = catalog.report(run);
    RunReport.ClusterSummary cluster = report.clusters().stream().filter(c -> c.id().equals(id)).findFirst()
        .orElseThrow(() -> new NotFoundException("the run of " + run.date() + " has no cluster " + id));
    Map<LocalDate, Integer> sizes = new java.util.LinkedHashMap<>();
    catalog.clusterSizes(id).forEach(e -> sizes.put(e.getKey(), e.getValue()));
    return new ClusterView(run.date(), cluster,
        report.findings().stream().filter(f -> !f.clusterId().equals("all")
            && com.escalationrca.correlate.FindingMembers.within(f.clusterId(), id)).toList(), sizes);
  }
}
