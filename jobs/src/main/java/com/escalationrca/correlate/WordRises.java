package com.escalationrca.correlate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.escalationrca.ingest.Taxonomy;

/**
 * The words of the narratives as populations, for causes that only the narratives tell (a new scam
 * wording, a tool bug, a misread policy at one vendor, scattered over several clusters). Each word
 * (an analysed term or noun phrase) is counted alone and with each value of the given dimensions,
 * over the window and its last days, so {@link SurgeDetector} can test whether it rose beyond its
 * usual share of volume: Elastic's significant-text idea (terms whose frequency rose against a
 * background), tested with the same spike test, support and multiple-testing control as values.
 * <ul>
 *   <li>Words are chosen before any test looks at time: those held by at least {@code minSupport}
 *   narratives and at most {@code maxShare} of the window (a word in every other narrative tells
 *   nothing), the {@code maxWords} most frequent of them. So the choice costs no correction.</li>
 *   <li>Counting is dense (words × values), one pass over the window.</li>
 * </ul>
 */
final class WordRises {

  /** The name a rise of words is published under: "words ∧ vendor", "'identity theft' ∧ Acme". */
  static final String DIMENSION = "words";
  static final Taxonomy.Dimension WORDS = new Taxonomy.Dimension(DIMENSION, "mentioning", null, false, false);

  /** A word alone or with one value, with its window and recent counts. */
  record Counted(List<Part> parts, long total, long recent) {
  }

  private final int maxWords;
  private final double maxShare;
  private final int minSupport;
  private List<Observation> chosenFor;
  private int[] chosen;

  WordRises(int maxWords, double maxShare, int minSupport) {
    this.maxWords = maxWords;
    this.maxShare = maxShare;
    this.minSupport = minSupport;
  }

  List<Counted> count(List<Observation> window, TimeSeries.Split split, List<Taxonomy.Dimension> dimensions) {
    Vocabulary vocabulary = window.stream().map(o -> o.words().vocabulary()).filter(v -> v != null).findFirst().orElse(null);
    if (maxWords == 0 || vocabulary == null) {
      return List.of();
    }
    int[] candidate = chosen(window, vocabulary);
    int words = (int) Arrays.stream(candidate).filter(c -> c >= 0).count();
    List<Part> parts = new ArrayList<>();
    Map<String, Integer> partIds = new HashMap<>();
    int[][] valuesOf = new int[window.size()][];
    for (int o = 0; o < window.size(); o++) {
      int[] ids = new int[dimensions.size()];
      int n = 0;
      for (Taxonomy.Dimension d : dimensions) {
        String value = window.get(o).dimensions().get(d.name());
        if (value != null) {
          ids[n++] = partIds.computeIfAbsent(d.name() + "\u0001" + value, k -> {
            parts.add(new Part(d, value));
            return parts.size() - 1;
          });
        }
      }
      valuesOf[o] = Arrays.copyOf(ids, n);
    }
    // Column 0: the word alone; column 1 + p: the word with value p.
    int columns = parts.size() + 1;
    int[] total = new int[words * columns];
    int[] recent = new int[words * columns];
    for (int o = 0; o < window.size(); o++) {
      Observation observation = window.get(o);
      if (observation.words().vocabulary() != vocabulary) {
        continue;
      }
      int isRecent = split.isRecent(observation.day()) ? 1 : 0;
      for (int id : observation.words().ids()) {
        int c = candidate[id];
        if (c < 0) {
          continue;
        }
        int row = c * columns;
        total[row]++;
        recent[row] += isRecent;
        for (int p : valuesOf[o]) {
          total[row + 1 + p]++;
          recent[row + 1 + p] += isRecent;
        }
      }
    }
    String[] wordOf = new String[words];
    for (int id = 0; id < candidate.length; id++) {
      if (candidate[id] >= 0) {
        wordOf[candidate[id]] = vocabulary.word(id);
      }
    }
    List<Counted> counted = new ArrayList<>();
    for (int c = 0; c < words; c++) {
      Part word = new Part(WORDS, wordOf[c]);
      for (int column = 0; column < columns; column++) {
        int cell = c * columns + column;
        if (total[cell] >= minSupport) {
          counted.add(new Counted(column == 0 ? List.of(word) : List.of(word, parts.get(column - 1)),
              total[cell], recent[cell]));
        }
      }
    }
    return counted;
  }

  /** Groups of related clusters, joined by the candidate words (none when words are off). */
  List<ClusterGroups.Group> groups(List<Observation> window, ClusterGroups grouping) {
    Vocabulary vocabulary = window.stream().map(o -> o.words().vocabulary()).filter(v -> v != null).findFirst().orElse(null);
    if (maxWords == 0 || vocabulary == null) {
      return List.of();
    }
    int[] candidate = chosen(window, vocabulary);
    return grouping.groups(window, candidate, (int) Arrays.stream(candidate).filter(c -> c >= 0).count());
  }

  /** The candidate words of the window ({@link #candidates}), or null when words are off or there are none. */
  int[] candidates(List<Observation> window) {
    Vocabulary vocabulary = window.stream().map(o -> o.words().vocabulary()).filter(v -> v != null).findFirst().orElse(null);
    return maxWords == 0 || vocabulary == null ? null : chosen(window, vocabulary);
  }

  /** {@link #candidates}, chosen once per window: counting and grouping read the same choice. */
  private int[] chosen(List<Observation> window, Vocabulary vocabulary) {
    if (chosenFor != window) {
      chosen = candidates(window, vocabulary);
      chosenFor = window;
    }
    return chosen;
  }

  /** For each word id, its candidate index (0 for the most frequent candidate), or -1. */
  int[] candidates(List<Observation> window, Vocabulary vocabulary) {
    int[] frequency = new int[vocabulary.size()];
    for (Observation o : window) {
      if (o.words().vocabulary() == vocabulary) {
        for (int id : o.words().ids()) {
          frequency[id]++;
        }
      }
    }
    long most = (long) Math.floor(maxShare * window.size());
    int[] chosen = IntStream.range(0, frequency.length)
        .filter(id -> frequency[id] >= minSupport && frequency[id] <= most).boxed()
        .sorted(Comparator.<Integer>comparingInt(id -> -frequency[id]).thenComparing(vocabulary::word))
        .limit(maxWords).mapToInt(Integer::intValue).toArray();
    int[] candidate = new int[frequency.length];
    Arrays.fill(candidate, -1);
    for (int c = 0; c < chosen.length; c++) {
      candidate[chosen[c]] = c;
    }
    return candidate;
  }
}
