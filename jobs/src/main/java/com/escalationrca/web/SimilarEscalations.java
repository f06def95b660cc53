package com.escalationrca.web;

import java.util.List;

import com.escalationrca.index.LiveSearcher;
import com.escalationrca.index.SearchHit;
import com.escalationrca.index.SearchRequest;
import org.springframework.stereotype.Component;

/** The escalations most like one (more-like-this over the narratives), as its page and the API list them. */
@Component
public class SimilarEscalations {

  static final int SHOWN = 5;

  private final LiveSearcher searcher;

  public SimilarEscalations(LiveSearcher searcher) {
    this.searcher = searcher;
  }

  /** The most similar escalations, or none when the escalation is not indexed yet. */
  public List<SearchHit> to(String id) {
    try {
      return searcher.with(s -> s.search(new SearchRequest(null, null, null, null, id, List.of(), SHOWN, 1)).hits());
    } catch (IllegalArgumentException | LiveSearcher.NoIndexException e) {
      return List.of();
    }
  }
}
