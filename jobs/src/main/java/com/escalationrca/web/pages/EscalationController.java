package com.escalationrca.web.pages;

import com.escalationrca.web.Escalations;
import com.escalationrca.web.InvestigateForm;
import com.escalationrca.web.NotFoundException;
import com.escalationrca.web.RunCatalog;
import com.escalationrca.web.SimilarEscalations;
import com.escalationrca.web.security.AuditLog;
import com.escalationrca.web.security.Viewer;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** One escalation for analysts: narrative, dimensions, cluster and similar escalations; audited. */
@Controller
public class EscalationController {

  private final Escalations escalations;
  private final SimilarEscalations similar;
  private final AuditLog audit;
  private final RunCatalog catalog;

  public EscalationController(Escalations escalations, SimilarEscalations similar, AuditLog audit,
                              RunCatalog catalog) {
    this.escalations = escalations;
    this.similar = similar;
    this.audit = audit;
    this.catalog = catalog;
  }

  @GetMapping("/escalations/{id}")
  public String escalation(@PathVariable String id, Model model, HttpServletRequest request) {
    Escalations.Detail detail = escalations.find(id)
        .orElseThrow(() -> new NotFoundException("No escalation '" + id + "'."));
    audit.record(((Viewer) model.getAttribute("viewer")).name(), "open escalation", id, Viewer.remote(request));
    model.addAttribute("escalation", detail);
    model.addAttribute("similar", similar.to(id));
    if (detail.cluster() != null) {
      model.addAttribute("investigateLink", InvestigateLinks.forEscalation(detail.cluster(), detail.created(),
          catalog.latestCompleted().map(r -> catalog.report(r).window().start()).orElse(null)));
    }
    model.addAttribute("lookAlikesLink", InvestigateForm.likeEscalation(id,
        detail.created().atZone(java.time.ZoneOffset.UTC).toLocalDate()).url("/investigate"));
    return "escalation";
  }
}
