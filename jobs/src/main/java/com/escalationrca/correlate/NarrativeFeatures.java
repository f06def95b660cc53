package com.escalationrca.correlate;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.escalationrca.cluster.FeatureNormalizer;

/**
 * The words of a window's narratives as features for comparing them: each word (and each word of a
 * phrase) folded by its narrative's language the way clustering folds it (Lucene's light stemmers
 * for Portuguese and Spanish: "cobrança", "cobranças" and "cobrancas" are one feature; English words
 * are lemmas already), weighted by IDF. Features held by one narrative only, or by more than
 * {@link #MAX_SHARE} of them, are dropped: they tell no two narratives apart. Unlike the words
 * tested for rising, frequent words stay: IDF weighs them down, and "credit report" against "bank
 * account" is what tells problems apart. A narrative's features are computed when asked, so a
 * window of a million narratives holds only the features' counts.
 */
final class NarrativeFeatures {

  /** Features held by more of the window than this say nothing about which problem a narrative is. */
  private static final double MAX_SHARE = 0.9;
  private static final int[] NONE = new int[0];

  private final List<Observation> window;
  private final FeatureNormalizer normalizer = new FeatureNormalizer();
  private final Map<String, Integer> featureIds = new HashMap<>();
  /** (word id, language) → feature ids; the language is interned by {@link #languages}. */
  private final Map<Long, int[]> byWord = new HashMap<>();
  private final Map<String, Integer> languages = new HashMap<>();
  private final double[] idf;
  private final boolean[] kept;

  NarrativeFeatures(List<Observation> window) {
    this.window = window;
    int[] df = new int[0];
    for (Observation o : window) {
      int[] features = all(o, true);
      for (int f : features) {
        if (f >= df.length) {
          df = Arrays.copyOf(df, Math.max(f + 1, df.length * 2 + 16));
        }
        df[f]++;
      }
    }
    int size = featureIds.size();
    idf = new double[size];
    kept = new boolean[size];
    for (int f = 0; f < size; f++) {
      int count = f < df.length ? df[f] : 0;
      kept[f] = count >= 2 && count <= MAX_SHARE * window.size();
      idf[f] = count == 0 ? 0 : Math.log((double) window.size() / count);
    }
  }

  /** The sorted distinct kept features of the window's {@code o}-th narrative. */
  int[] of(int o) {
    return Arrays.stream(all(window.get(o), false)).filter(f -> kept[f]).toArray();
  }

  double idf(int feature) {
    return idf[feature];
  }

  /**
   * Every feature of a narrative; {@code learn} adds words not seen yet (the constructor's pass).
   * Afterwards only reads happen, so {@link #of} may be called from several threads.
   */
  private int[] all(Observation o, boolean learn) {
    Words words = o.words();
    if (words.vocabulary() == null) {
      return new int[0];
    }
    String language = o.dimensions().getOrDefault(FindingStore.DETECTED_LANGUAGE, "");
    Integer known = learn ? languages.computeIfAbsent(language, l -> languages.size()) : languages.get(language);
    if (known == null) {
      return new int[0];
    }
    long languageId = known;
    int[] buffer = new int[words.ids().length * 2];
    int n = 0;
    for (int id : words.ids()) {
      long key = languageId << 32 | id;
      int[] features = learn ? byWord.computeIfAbsent(key, k -> features(words.vocabulary().word(id), language))
          : byWord.getOrDefault(key, NONE);
      for (int f : features) {
        if (n == buffer.length) {
          buffer = Arrays.copyOf(buffer, n * 2 + 4);
        }
        buffer[n++] = f;
      }
    }
    return Arrays.stream(buffer, 0, n).sorted().distinct().toArray();
  }

  /** A word's features: itself folded; for a phrase, the phrase and each of its words, folded. */
  private int[] features(String word, String language) {
    List<String> folded = Arrays.stream(word.split(" ")).filter(w -> !w.isBlank())
        .map(w -> fold(normalizer.feature(w, language))).toList();
    java.util.stream.Stream<String> all = folded.size() > 1
        ? java.util.stream.Stream.concat(folded.stream(), java.util.stream.Stream.of(String.join(" ", folded))) : folded.stream();
    return all.mapToInt(f -> featureIds.computeIfAbsent(f, k -> featureIds.size())).distinct().toArray();
  }

  /** Accents off, so an informal "cobranca" meets "cobrança". */
  private static String fold(String word) {
    return java.text.Normalizer.normalize(word, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
  }
}
