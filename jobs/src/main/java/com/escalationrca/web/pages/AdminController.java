package com.escalationrca.web.pages;

import java.time.LocalDate;

import com.escalationrca.web.security.Accounts;
import com.escalationrca.web.security.AuditLog;
import com.escalationrca.web.security.Viewer;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Admins: the audit log, the accounts (which `rca users` manages) and reruns of a date. */
@Controller
public class AdminController {

  private static final int AUDIT_PAGE = 200;

  private final AuditLog audit;
  private final Accounts accounts;
  private final Reruns reruns;

  public AdminController(AuditLog audit, Accounts accounts, Reruns reruns) {
    this.audit = audit;
    this.accounts = accounts;
    this.reruns = reruns;
  }

  /** Starts a rerun of a date in the background (admins); the admin page shows how it went. */
  @PostMapping("/admin/rerun")
  public String rerun(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, Model model,
                      jakarta.servlet.http.HttpServletRequest request) {
    String who = ((Viewer) model.getAttribute("viewer")).name();
    reruns.start(date, who);
    audit.record(who, "rerun", date.toString(), Viewer.remote(request));
    return "redirect:/admin/audit";
  }

  @GetMapping("/admin/audit")
  public String audit(@RequestParam(required = false) String user, Model model) {
    model.addAttribute("events", audit.recent(user == null || user.isBlank() ? null : user, AUDIT_PAGE));
    model.addAttribute("user", user == null ? "" : user);
    model.addAttribute("accounts", accounts.list());
    model.addAttribute("rerun", reruns.last());
    model.addAttribute("today", java.time.LocalDate.now(java.time.ZoneOffset.UTC));
    return "admin-audit";
  }
}
