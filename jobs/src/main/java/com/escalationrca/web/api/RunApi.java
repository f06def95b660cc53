package com.escalationrca.web.api;

import java.time.LocalDate;
import java.util.List;

import com.escalationrca.report.RunReport;
import com.escalationrca.web.NotFoundException;
import com.escalationrca.web.RunCatalog;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** GET /api/runs (the list) and /api/runs/{date} (the findings.json contract of that run). */
@RestController
public class RunApi {

  private final RunCatalog catalog;

  public RunApi(RunCatalog catalog) {
    this.catalog = catalog;
  }

  @GetMapping("/api/runs")
  public List<RunCatalog.RunRow> runs() {
    return catalog.runs(1000);
  }

  @GetMapping("/api/runs/{date}")
  public RunReport run(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
    return catalog.report(catalog.completed(date)
        .orElseThrow(() -> new NotFoundException("no completed run on " + date)));
  }
}
