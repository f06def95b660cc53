package com.escalationrca.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Admins: the audit log and the accounts (which `rca users` manages). */
@Controller
public class AdminController {

  private static final int AUDIT_PAGE = 200;

  private final AuditLog audit;
  private final Accounts accounts;

  public AdminController(AuditLog audit, Accounts accounts) {
    this.audit = audit;
    this.accounts = accounts;
  }

  @GetMapping("/admin/audit")
  public String audit(@RequestParam(required = false) String user, Model model) {
    model.addAttribute("events", audit.recent(user == null || user.isBlank() ? null : user, AUDIT_PAGE));
    model.addAttribute("user", user == null ? "" : user);
    model.addAttribute("accounts", accounts.list());
    return "admin-audit";
  }
}
