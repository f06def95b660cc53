package com.escalationrca.cluster;

import java.util.List;

/**
 * The clustering input for one escalation: its analysed terms and key-phrase candidates, and its
 * sentence embedding when it has one (null otherwise: the narrative is clustered by its terms).
 */
public record NarrativeDocument(long escalationId, String language, List<String> terms,
                                List<String> phrases, float[] embedding) {

  public NarrativeDocument {
    terms = List.copyOf(terms);
    phrases = List.copyOf(phrases);
  }

  public NarrativeDocument(long escalationId, String language, List<String> terms, List<String> phrases) {
    this(escalationId, language, terms, phrases, null);
  }

  /** The same document with a sentence embedding. */
  public NarrativeDocument withEmbedding(float[] vector) {
    return new NarrativeDocument(escalationId, language, terms, phrases, vector);
  }

  boolean hasEmbedding() {
    if (embedding == null) {
      return false;
    }
    for (float x : embedding) {
      if (x != 0) {
        return true;
      }
    }
    return false;
  }
}
