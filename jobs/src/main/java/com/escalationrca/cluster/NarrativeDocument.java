package com.escalationrca.cluster;

import java.util.List;

/** The clustering input for one escalation: its analysed terms and key-phrase candidates. */
public record NarrativeDocument(long escalationId, String language, List<String> terms,
                                List<String> phrases) {

  public NarrativeDocument {
    terms = List.copyOf(terms);
    phrases = List.copyOf(phrases);
  }
}
