package com.escalationrca.web.pages;

import java.time.LocalDate;
import java.util.List;

import com.escalationrca.events.Event;
import com.escalationrca.events.EventKind;
import com.escalationrca.events.EventStore;
import com.escalationrca.web.NotFoundException;
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
 * /events: program managers record, change and remove the events marked on every chart (policy
 * launches, vendor changes, tool releases, outages); every change is audited.
 */
@Controller
public class EventController {

  private final EventStore events;
  private final AuditLog audit;

  public EventController(EventStore events, AuditLog audit) {
    this.events = events;
    this.audit = audit;
  }

  @GetMapping("/events")
  public String list(Model model) {
    return page(model, null, null);
  }

  @GetMapping("/events/{id}")
  public String edit(@PathVariable long id, Model model) {
    Event event = events.find(id).orElseThrow(() -> new NotFoundException("No event #" + id + "."));
    return page(model, event, null);
  }

  @PostMapping("/events")
  public String add(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate end,
                    @RequestParam String title, @RequestParam String kind, @RequestParam(required = false) String where,
                    Model model, HttpServletRequest request) {
    Event event;
    try {
      event = new Event(0, date, end, title, EventKind.parse(kind), Event.parseScope(where));
    } catch (IllegalArgumentException e) {
      return page(model, null, e.getMessage());
    }
    Event added = events.add(event, actor(model));
    audit.record(actor(model), "event add", "#" + added.id() + " " + added.start() + " " + added.describe(),
        Viewer.remote(request));
    return "redirect:/events";
  }

  @PostMapping("/events/{id}")
  public String change(@PathVariable long id, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate end,
                       @RequestParam String title, @RequestParam String kind,
                       @RequestParam(required = false) String where, Model model, HttpServletRequest request) {
    Event current = events.find(id).orElseThrow(() -> new NotFoundException("No event #" + id + "."));
    Event event;
    try {
      event = new Event(id, date, end, title, EventKind.parse(kind), Event.parseScope(where));
    } catch (IllegalArgumentException e) {
      return page(model, current, e.getMessage());
    }
    events.update(id, event, actor(model));
    audit.record(actor(model), "event change", "#" + id + " " + event.start() + " " + event.describe(),
        Viewer.remote(request));
    return "redirect:/events";
  }

  @PostMapping("/events/{id}/remove")
  public String remove(@PathVariable long id, Model model, HttpServletRequest request) {
    if (events.find(id).isEmpty()) {
      throw new NotFoundException("No event #" + id + ".");
    }
    Event removed = events.remove(id);
    audit.record(actor(model), "event remove", "#" + id + " " + removed.start() + " " + removed.describe(),
        Viewer.remote(request));
    return "redirect:/events";
  }

  private String page(Model model, Event editing, String error) {
    model.addAttribute("events", events.all());
    model.addAttribute("editing", editing);
    model.addAttribute("kinds", List.of(EventKind.values()));
    model.addAttribute("error", error);
    return "events";
  }

  private static String actor(Model model) {
    return ((Viewer) model.getAttribute("viewer")).name();
  }
}
