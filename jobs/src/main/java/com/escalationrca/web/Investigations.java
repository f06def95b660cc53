package com.escalationrca.web;

import com.escalationrca.explain.ExplainEngine;
import com.escalationrca.explain.ExplainRequest;
import com.escalationrca.explain.Explained;
import com.escalationrca.index.LiveSearcher;
import com.escalationrca.web.security.AuditLog;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The investigate page's and {@code /api/explain}'s one service: checks the question, narrows it by
 * the search query (analysts only: a query reads narratives), audits it, and asks the engine the
 * CLI asks, within the user's share of concurrent searches (an explanation costs as much as one).
 */
@Service
public class Investigations {

  private final ExplainEngine engine;
  private final LiveSearcher searcher;
  private final SearchPermits permits;
  private final AuditLog audit;

  public Investigations(ExplainEngine engine, LiveSearcher searcher, SearchPermits permits, AuditLog audit) {
    this.engine = engine;
    this.searcher = searcher;
    this.permits = permits;
    this.audit = audit;
  }

  public Explained explain(InvestigateForm form, String user, boolean analyst, String remote) {
    ExplainRequest request = form.request();
    if ((form.q() != null || form.similar() != null) && !analyst) {
      throw new AccessDeniedException("a search query or look-alikes read the narratives, which analysts search;"
          + " ask without them");
    }
    if (form.q() != null && form.similar() != null) {
      throw new IllegalArgumentException("q and similar each name a population: ask with one of them");
    }
    audit.record(user, "investigate", form.describe(), remote);
    return permits.run(user, () -> engine.explain(form.q() != null
        ? request.matching(new ExplainRequest.Matching(form.q(), searcher.with(s -> s.externalIds(form.q()))))
        : form.similar() != null ? request.matching(lookAlikes(form.similar())) : request));
  }

  /** The escalations most like one, by more-like-this over the narratives (the search page's "similar"). */
  private ExplainRequest.Matching lookAlikes(String externalId) {
    return ExplainRequest.Matching.similarTo(externalId,
        searcher.with(s -> s.lookAlikes(externalId, ExplainRequest.Matching.LOOK_ALIKES)));
  }
}
