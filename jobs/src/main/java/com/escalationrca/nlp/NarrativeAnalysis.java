package com.escalationrca.nlp;

import java.util.List;

/**
 * What the job knows of a narrative after analysis: its detected language, its content terms
 * (English lemmas; Portuguese and Spanish lower-cased words without stop words), candidate key
 * phrases (English noun phrases from POS tags; Portuguese and Spanish word n-grams) and its size.
 */
public record NarrativeAnalysis(String language, List<String> terms, List<String> phrases,
                                int tokenCount) {

  public NarrativeAnalysis {
    terms = List.copyOf(terms);
    phrases = List.copyOf(phrases);
  }
}
