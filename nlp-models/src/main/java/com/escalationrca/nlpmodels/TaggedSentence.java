package com.escalationrca.nlpmodels;

import java.util.Objects;

/**
 * One sentence with, for each token, its Universal POS tag (NOUN, VERB, ADJ…) and its lemma.
 * The three arrays are parallel.
 */
public record TaggedSentence(String text, String[] tokens, String[] tags, String[] lemmas) {

  public TaggedSentence {
    Objects.requireNonNull(text, "text");
    if (tokens.length != tags.length || tokens.length != lemmas.length) {
      throw new IllegalArgumentException("tokens, tags and lemmas must be parallel: "
          + tokens.length + "/" + tags.length + "/" + lemmas.length);
    }
  }

  public int size() {
    return tokens.length;
  }
}
