package com.escalationrca.nlpmodels;

import java.util.Map;

import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;

/**
 * The language detector's maxent features (character 1–3-grams) laid out for look-up speed: the
 * gram's chars packed in a {@code long} key of an open-addressing table, and every feature's weights
 * in one contiguous array. OpenNLP's own detector builds a string per gram, hashes it, and follows
 * three objects per feature, which is where it spends its time on short narratives. Immutable once
 * built, so one table serves every thread.
 */
final class CharGramTable {

  private static final long EMPTY = 0L; // no gram packs to 0: its length is in the top bits

  private final long[] keys;
  /** Per slot, the feature's index, or -1. */
  private final int[] featureAt;
  /** Feature f's weights are {@code weights[firstWeight[f] .. firstWeight[f + 1])}, for {@code outcomeOf} the same range. */
  private final int[] firstWeight;
  private final short[] outcomeOf;
  private final double[] weights;
  private final int mask;
  private final String[] outcomes;

  private CharGramTable(long[] keys, int[] featureAt, int[] firstWeight, short[] outcomeOf, double[] weights,
                        String[] outcomes) {
    this.keys = keys;
    this.featureAt = featureAt;
    this.firstWeight = firstWeight;
    this.outcomeOf = outcomeOf;
    this.weights = weights;
    this.mask = keys.length - 1;
    this.outcomes = outcomes;
  }

  @SuppressWarnings("unchecked")
  static CharGramTable of(LanguageDetectorModel model) {
    if (!(model.getMaxentModel() instanceof AbstractModel maxent)) {
      throw new IllegalStateException("unexpected language model type " + model.getMaxentModel().getClass());
    }
    Object[] structures = maxent.getDataStructures();
    Map<String, Context> features = (Map<String, Context>) structures[1];
    String[] outcomes = (String[]) structures[2];
    int capacity = Integer.highestOneBit(Math.max(16, features.size())) << 1; // load factor 0.5–0.75
    long[] keys = new long[capacity];
    int[] featureAt = new int[capacity];
    java.util.Arrays.fill(featureAt, -1);
    int total = features.values().stream().mapToInt(c -> c.getOutcomes().length).sum();
    int[] firstWeight = new int[features.size() + 1];
    short[] outcomeOf = new short[total];
    double[] weights = new double[total];
    int feature = 0;
    int at = 0;
    for (Map.Entry<String, Context> entry : features.entrySet()) {
      String gram = entry.getKey();
      if (gram.isEmpty() || gram.length() > 3) {
        continue; // the detector's context holds 1–3-grams only, so longer features never fire
      }
      long key = pack(gram.toCharArray(), 0, gram.length());
      int slot = slot(keys, capacity - 1, key);
      keys[slot] = key;
      featureAt[slot] = feature;
      firstWeight[feature] = at;
      int[] outcome = entry.getValue().getOutcomes();
      double[] parameter = entry.getValue().getParameters();
      for (int i = 0; i < outcome.length; i++) {
        outcomeOf[at] = (short) outcome[i];
        weights[at++] = parameter[i];
      }
      feature++;
    }
    firstWeight[feature] = at;
    return new CharGramTable(keys, featureAt, java.util.Arrays.copyOf(firstWeight, feature + 1), outcomeOf, weights,
        outcomes);
  }

  /** The gram {@code text[from, from + length)}, length 1–3, as a key. */
  static long pack(char[] text, int from, int length) {
    long key = (long) length << 48;
    for (int i = 0; i < length; i++) {
      key |= (long) text[from + i] << (16 * (2 - i));
    }
    return key;
  }

  /** The model's index of a gram, or -1 if it has no such feature. */
  int feature(long key) {
    return featureAt[slot(keys, mask, key)];
  }

  int features() {
    return firstWeight.length - 1;
  }

  /** Adds a feature's weights to the outcomes' scores. */
  void addWeights(int feature, double[] scores) {
    for (int i = firstWeight[feature]; i < firstWeight[feature + 1]; i++) {
      scores[outcomeOf[i]] += weights[i];
    }
  }

  String[] outcomes() {
    return outcomes;
  }

  private static int slot(long[] keys, int mask, long key) {
    int slot = (int) (mix(key) & mask);
    while (keys[slot] != EMPTY && keys[slot] != key) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private static long mix(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return h ^ (h >>> 29);
  }
}
