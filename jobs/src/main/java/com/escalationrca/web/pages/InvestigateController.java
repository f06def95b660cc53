package com.escalationrca.web.pages;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.escalationrca.explain.ExplainRequest;
import com.escalationrca.explain.Explained;
import com.escalationrca.explain.Explanation;
import com.escalationrca.ingest.Field;
import com.escalationrca.report.Charts;
import com.escalationrca.report.EventMarks;
import com.escalationrca.report.SpreadsheetCell;
import com.escalationrca.web.Escalations;
import com.escalationrca.web.InvestigateForm;
import com.escalationrca.web.Investigations;
import com.escalationrca.web.RunCatalog;
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
 * /investigate: a program manager names a window, a baseline and a segment and reads what explains
 * the change (the engine of {@code rca explain}), with the daily series, each explanation's
 * escalations (redacted excerpts; analysts also open them and search them), a permalink, CSV and JSON.
 */
@Controller
public class InvestigateController {

  private final Investigations investigations;
  private final RunCatalog catalog;
  private final Escalations escalations;

  public InvestigateController(Investigations investigations, RunCatalog catalog, Escalations escalations) {
    this.investigations = investigations;
    this.catalog = catalog;
    this.escalations = escalations;
  }

  @GetMapping("/investigate")
  public String investigate(@ModelAttribute InvestigateForm form, Model model, HttpServletRequest request) {
    Viewer viewer = (Viewer) model.getAttribute("viewer");
    Optional<RunCatalog.RunRow> night = catalog.latestCompleted();
    InvestigateForm asked = form.orWeekEnding(night.map(RunCatalog.RunRow::date).orElse(LocalDate.now(ZoneOffset.UTC)),
        night.map(n -> catalog.report(n).window().start()).orElse(null));
    model.addAttribute("form", asked);
    model.addAttribute("dimensions", dimensions());
    model.addAttribute("whereRows", whereRows(asked));
    try {
      Explained answer = investigations.explain(asked, viewer.name(), viewer.analyst(), Viewer.remote(request));
      model.addAttribute("answer", answer);
      model.addAttribute("chart", Charts.dataUri(chart(answer, asked.request())));
      Map<Integer, List<Escalations.Line>> examples = new LinkedHashMap<>();
      answer.explanations().forEach(x -> examples.put(x.rank(), escalations.lines(x.examples())));
      model.addAttribute("examples", examples);
      model.addAttribute("events", answer.events().stream().map(EventMarks::line).toList());
      Map<Integer, String> searches = new LinkedHashMap<>();
      answer.explanations().forEach(x -> searches.put(x.rank(), InvestigateLinks.search(x)));
      model.addAttribute("searches", searches);
    } catch (IllegalArgumentException e) {
      model.addAttribute("error", e.getMessage());
    }
    return "investigate";
  }

  @GetMapping("/investigate.csv")
  public void export(@ModelAttribute InvestigateForm form, Model model, HttpServletRequest request,
                     HttpServletResponse response) throws IOException {
    Viewer viewer = (Viewer) model.getAttribute("viewer");
    Explained answer = investigations.explain(form, viewer.name(), viewer.analyst(), Viewer.remote(request));
    response.setContentType("text/csv; charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"explanations.csv\"");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    Writer out = response.getWriter();
    try (CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader("rank", "explanation", "cluster", "window", "baseline",
        "expected", "excess", "lift", "lift_low", "lift_high", "q", "contribution", "same_escalations", "within").get().print(out)) {
      for (Explanation x : answer.explanations()) {
        csv.printRecord(x.rank(), SpreadsheetCell.of(x.description()), x.cluster() == null ? "" : x.cluster(),
            x.observed(), x.baselineObserved(), round(x.expected()), round(x.excess()), x.lift() == null ? "new" : round(x.lift()),
            x.liftLow() == null ? "" : round(x.liftLow()), x.liftHigh() == null ? "" : round(x.liftHigh()), x.q(),
            round(x.contribution()), SpreadsheetCell.of(String.join(" · ", x.also())),
            SpreadsheetCell.of(String.join(" · ", x.within().stream().map(p -> p.description() + " ("
                + round(p.contribution()) + ")").toList())));
      }
    }
  }

  private static String round(double value) {
    return String.format(java.util.Locale.ROOT, "%.3f", value);
  }

  private static List<String> dimensions() {
    List<String> keys = new java.util.ArrayList<>(Field.DIMENSIONS.stream().map(Field::key).toList());
    keys.add(ExplainRequest.CLUSTER);
    return keys;
  }

  /** The form's where fields: those given, and one empty to add another. */
  private static List<String> whereRows(InvestigateForm form) {
    List<String> rows = new java.util.ArrayList<>(form.where());
    rows.add("");
    return rows;
  }

  private static String chart(Explained answer, ExplainRequest request) {
    List<LocalDate[]> baseline = request.baseline().stream().map(p -> new LocalDate[] {p.from(), p.to()}).toList();
    LocalDate[] window = {request.from(), request.to()};
    if (request.share() != null) {
      // The share by day (days without escalations left out), against the baseline's share.
      List<Map.Entry<LocalDate, ? extends Number>> shares = answer.daily().stream().filter(d -> d.escalations() > 0)
          .<Map.Entry<LocalDate, ? extends Number>>map(d -> Map.entry(d.day(), 100.0 * d.hits() / d.escalations())).toList();
      double baselineShare = answer.change().baselineObserved() * 100.0 / answer.daily().stream()
          .filter(d -> d.period() == Explained.Period.BASELINE).mapToLong(Explained.Day::escalations).sum();
      return Charts.investigation(shares, baseline, window, baselineShare, "% with " + request.share().value(),
          EventMarks.marks(answer.events()), 960, 260);
    }
    List<Map.Entry<LocalDate, ? extends Number>> days = answer.daily().stream()
        .<Map.Entry<LocalDate, ? extends Number>>map(d -> Map.entry(d.day(), d.escalations())).toList();
    return Charts.investigation(days, baseline, window, answer.change().expected() / request.windowDays(), "escalations",
        EventMarks.marks(answer.events()), 960, 260);
  }
}
