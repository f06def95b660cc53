package com.escalationrca.web.api;

import java.util.List;

import com.escalationrca.web.security.AuditLog;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** GET /api/audit: the newest audit events (admins), optionally of one user. */
@RestController
public class AuditApi {

  private final AuditLog audit;

  public AuditApi(AuditLog audit) {
    this.audit = audit;
  }

  @GetMapping("/api/audit")
  public List<AuditLog.Event> audit(@RequestParam(required = false) String user,
                                    @RequestParam(defaultValue = "200") int limit) {
    if (limit < 1 || limit > 10000) {
      throw new IllegalArgumentException("limit is between 1 and 10000");
    }
    return audit.recent(user, limit);
  }
}
