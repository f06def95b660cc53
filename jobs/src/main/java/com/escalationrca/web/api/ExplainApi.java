package com.escalationrca.web.api;

import com.escalationrca.explain.Explained;
import com.escalationrca.web.InvestigateForm;
import com.escalationrca.web.Investigations;
import jakarta.servlet.http.HttpServletRequest;
import com.escalationrca.web.security.Viewer;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RestController;

/**
 * GET /api/explain: the JSON of {@code rca explain --json} for the parameters of /investigate
 * (from, to, baseline, baselineFrom, baselineTo, where=DIM=VALUE, q, direction, limit).
 */
@RestController
public class ExplainApi {

  private final Investigations investigations;
  private final RoleHierarchy hierarchy;

  public ExplainApi(Investigations investigations, RoleHierarchy hierarchy) {
    this.investigations = investigations;
    this.hierarchy = hierarchy;
  }

  @GetMapping("/api/explain")
  public Explained explain(@ModelAttribute InvestigateForm form, HttpServletRequest request) {
    Viewer viewer = Viewer.current(hierarchy);
    return investigations.explain(form, viewer.name(), viewer.analyst(), request.getRemoteAddr());
  }
}
