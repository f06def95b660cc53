package com.escalationrca.correlate;

import java.util.Arrays;

/** The distinct words of one narrative, as sorted ids into its window's {@link Vocabulary}. */
public final class Words {

  /** A narrative with no analysed words (or a correlation that does not look at words). */
  public static final Words NONE = new Words(null, new int[0]);

  private final Vocabulary vocabulary;
  private final int[] ids;

  Words(Vocabulary vocabulary, int[] sortedIds) {
    this.vocabulary = vocabulary;
    this.ids = sortedIds;
  }

  public boolean contains(String word) {
    if (vocabulary == null) {
      return false;
    }
    int id = vocabulary.id(word);
    return id >= 0 && Arrays.binarySearch(ids, id) >= 0;
  }

  /** The vocabulary the ids point into (null for {@link #NONE}). */
  Vocabulary vocabulary() {
    return vocabulary;
  }

  /** The sorted ids; not to be modified. */
  int[] ids() {
    return ids;
  }
}
