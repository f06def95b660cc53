package com.escalationrca.web.pages;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.escalationrca.report.Charts;
import com.escalationrca.report.RunReport;
import com.escalationrca.track.CauseState;
import com.escalationrca.track.TrackedCause;
import com.escalationrca.track.TrackedCauses;
import com.escalationrca.web.NotFoundException;
import com.escalationrca.web.RunCatalog;
import com.escalationrca.web.security.AuditLog;
import com.escalationrca.web.security.Viewer;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Causes followed across nights, and what program managers do with them: acknowledge with an
 * owner, link a ticket, resolve with a date and a note, dismiss as a false alarm, reopen. Every
 * action records who and when (and is audited).
 */
@Controller
public class CauseController {

  private final TrackedCauses causes;
  private final RunCatalog catalog;
  private final AuditLog audit;
  private final com.escalationrca.report.EventMarks eventMarks;

  public CauseController(TrackedCauses causes, RunCatalog catalog, AuditLog audit,
                         com.escalationrca.report.EventMarks eventMarks) {
    this.eventMarks = eventMarks;
    this.causes = causes;
    this.catalog = catalog;
    this.audit = audit;
  }

  @GetMapping("/causes")
  public String list(@RequestParam(required = false) String state, Model model) {
    CauseState filter = state == null || state.isBlank() ? null : CauseState.parse(state);
    model.addAttribute("causes", causes.list(filter));
    model.addAttribute("state", filter);
    model.addAttribute("states", List.of(CauseState.values()));
    return "causes";
  }

  @GetMapping("/causes/{id}")
  public String cause(@PathVariable long id, Model model) {
    TrackedCause cause = causes.find(id).orElseThrow(() -> new NotFoundException("No tracked cause #" + id + "."));
    List<Map.Entry<LocalDate, Integer>> nights = causes.nights(id).stream()
        .map(n -> Map.entry(n.getKey(), n.getValue().intValue())).toList();
    model.addAttribute("cause", cause);
    model.addAttribute("events", causes.events(id));
    List<com.escalationrca.events.Event> marked = nights.isEmpty() ? List.of() : eventMarks.concerning(
        nights.get(0).getKey(), nights.get(nights.size() - 1).getKey(),
        com.escalationrca.correlate.Finding.values(cause.dimension(), cause.value()));
    model.addAttribute("chart", Charts.dataUri(Charts.perNight("escalations", nights,
        com.escalationrca.report.EventMarks.marks(marked), 720, 200)));
    model.addAttribute("marked", marked.stream().map(com.escalationrca.report.EventMarks::line).toList());
    model.addAttribute("today", LocalDate.now(ZoneOffset.UTC));
    model.addAttribute("effect", effect(id));
    return "cause";
  }

  /** The effect of the resolution as the latest run measured it, if it did. */
  private String effect(long id) {
    return catalog.latestCompleted().map(catalog::report).stream()
        .flatMap(r -> r.resolutions().stream()).filter(r -> r.trackedId() == id)
        .map(RunReport.Resolution::effect).findFirst().orElse(null);
  }

  @PostMapping("/causes/{id}/acknowledge")
  public String acknowledge(@PathVariable long id, @RequestParam String owner, Model model, HttpServletRequest request) {
    return done(causes.acknowledge(id, owner.strip(), actor(model)), "acknowledge", owner, model, request);
  }

  @PostMapping("/causes/{id}/link")
  public String link(@PathVariable long id, @RequestParam String ticket, Model model, HttpServletRequest request) {
    return done(causes.link(id, ticket.strip(), actor(model)), "link", ticket, model, request);
  }

  @PostMapping("/causes/{id}/resolve")
  public String resolve(@PathVariable long id, @RequestParam String note,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                        Model model, HttpServletRequest request) {
    LocalDate day = on == null ? LocalDate.now(ZoneOffset.UTC) : on;
    return done(causes.resolve(id, day, note.strip(), actor(model)), "resolve", day + " " + note, model, request);
  }

  @PostMapping("/causes/{id}/dismiss")
  public String dismiss(@PathVariable long id, @RequestParam String reason, Model model, HttpServletRequest request) {
    return done(causes.dismiss(id, reason.strip(), actor(model)), "dismiss", reason, model, request);
  }

  @PostMapping("/causes/{id}/reopen")
  public String reopen(@PathVariable long id, Model model, HttpServletRequest request) {
    return done(causes.reopen(id, actor(model)), "reopen", "", model, request);
  }

  private static String actor(Model model) {
    return ((Viewer) model.getAttribute("viewer")).name();
  }

  private String done(TrackedCause cause, String action, String detail, Model model, HttpServletRequest request) {
    audit.record(actor(model), "cause " + action, "#" + cause.id() + " " + detail, Viewer.remote(request));
    // Post/redirect/get: a reload does not repeat the action.
    return "redirect:/causes/" + cause.id();
  }
}
