package com.escalationrca.web.api;

import java.util.List;

import com.escalationrca.index.SearchHit;
import com.escalationrca.web.Escalations;
import com.escalationrca.web.NotFoundException;
import com.escalationrca.web.SimilarEscalations;
import com.escalationrca.web.security.AuditLog;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** GET /api/escalations/{id}: narrative, dimensions, cluster and similar escalations (analysts; audited). */
@RestController
public class EscalationApi {

  private final Escalations escalations;
  private final SimilarEscalations similar;
  private final AuditLog audit;

  public EscalationApi(Escalations escalations, SimilarEscalations similar, AuditLog audit) {
    this.escalations = escalations;
    this.similar = similar;
    this.audit = audit;
  }

  public record EscalationView(Escalations.Detail escalation, List<SearchHit> similar) {
  }

  @GetMapping("/api/escalations/{id}")
  public EscalationView escalation(@PathVariable String id, Authentication user, HttpServletRequest request) {
    Escalations.Detail detail = escalations.find(id).orElseThrow(() -> new NotFoundException("no escalation '" + id + "'"));
    audit.record(user.getName(), "api escalation", id, request.getRemoteAddr());
    return new EscalationView(detail, similar.to(id));
  }
}
