package com.escalationrca.correlate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The words (analysed terms and noun phrases) of one window's narratives, each kept once: a
 * narrative's {@link Words} are ids into it, so a window of hundreds of thousands of narratives
 * costs a few integers per word, not a string each. Not thread-safe: one correlation builds it.
 */
public final class Vocabulary {

  private final Map<String, Integer> ids = new HashMap<>();
  private final List<String> words = new ArrayList<>();

  /** The words of one narrative, each once. */
  public Words of(Collection<String> narrativeWords) {
    if (narrativeWords.isEmpty()) {
      return Words.NONE;
    }
    int[] found = new int[narrativeWords.size()];
    int n = 0;
    for (String word : narrativeWords) {
      if (word != null && !word.isBlank()) {
        found[n++] = ids.computeIfAbsent(word, w -> {
          words.add(w);
          return words.size() - 1;
        });
      }
    }
    int[] sorted = Arrays.stream(found, 0, n).sorted().distinct().toArray();
    return new Words(this, sorted);
  }

  /** The word's id, or -1 when no narrative of the window holds it. */
  int id(String word) {
    Integer id = ids.get(word);
    return id == null ? -1 : id;
  }

  String word(int id) {
    return words.get(id);
  }

  int size() {
    return words.size();
  }
}
