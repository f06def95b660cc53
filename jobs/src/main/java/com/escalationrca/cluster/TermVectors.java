package com.escalationrca.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * TF-IDF vectors over the corpus vocabulary: sublinear term frequency (1 + ln tf), smoothed idf
 * ln((1 + N) / (1 + df)) + 1, unit length. The window chooses the vocabulary: features too rare
 * (below the minimum document frequency) or too common (above the maximum ratio) are dropped; at
 * most {@code maxTerms} of the most frequent remain. The idf comes from {@link TermStatistics}
 * (the search index's counts over all history) where it knows the term, else from the window. Each
 * feature keeps its most common written form, for labels and for looking up its statistics.
 */
public final class TermVectors {

  private final List<String> features;
  private final List<String> displayForms;
  private final SparseVector[] vectors;

  private TermVectors(List<String> features, List<String> displayForms, SparseVector[] vectors) {
    this.features = features;
    this.displayForms = displayForms;
    this.vectors = vectors;
  }

  public static TermVectors build(List<NarrativeDocument> documents, ClusterProperties properties) {
    return build(documents, properties, TermStatistics.WINDOW_ONLY);
  }

  static TermVectors build(List<NarrativeDocument> documents, ClusterProperties properties,
                           TermStatistics statistics) {
    return build(documents, properties.minDocumentFrequency(), properties.maxDocumentFrequencyRatio(),
        properties.maxTerms(), statistics);
  }

  static TermVectors build(List<NarrativeDocument> documents, int minDocumentFrequency,
                           double maxDocumentFrequencyRatio, int maxTerms, TermStatistics statistics) {
    FeatureNormalizer normalizer = new FeatureNormalizer();
    List<String[]> featuresOf = new ArrayList<>(documents.size());
    Map<String, int[]> documentFrequency = new HashMap<>();
    Map<String, Map<String, Integer>> surfaces = new HashMap<>();
    Map<String, Map<String, Integer>> languages = new HashMap<>();
    for (NarrativeDocument document : documents) {
      String[] features = new String[document.terms().size()];
      for (int i = 0; i < features.length; i++) {
        String term = document.terms().get(i);
        features[i] = normalizer.feature(term, document.language());
        surfaces.computeIfAbsent(features[i], f -> new HashMap<>()).merge(term, 1, Integer::sum);
        languages.computeIfAbsent(features[i], f -> new HashMap<>()).merge(document.language(), 1, Integer::sum);
      }
      featuresOf.add(features);
      Arrays.stream(features).distinct()
          .forEach(f -> documentFrequency.computeIfAbsent(f, k -> new int[1])[0]++);
    }
    int n = documents.size();
    int maxDf = Math.max(minDocumentFrequency, (int) Math.floor(maxDocumentFrequencyRatio * n));
    List<String> vocabulary = documentFrequency.entrySet().stream()
        .filter(e -> e.getValue()[0] >= minDocumentFrequency && e.getValue()[0] <= maxDf)
        .sorted((a, b) -> a.getValue()[0] != b.getValue()[0]
            ? Integer.compare(b.getValue()[0], a.getValue()[0]) : a.getKey().compareTo(b.getKey()))
        .limit(maxTerms).map(Map.Entry::getKey).toList();
    Map<String, Integer> index = new HashMap<>();
    double[] idf = new double[vocabulary.size()];
    List<String> display = new ArrayList<>(vocabulary.size());
    for (int i = 0; i < vocabulary.size(); i++) {
      String feature = vocabulary.get(i);
      index.put(feature, i);
      display.add(mostCommon(surfaces.get(feature)));
      double windowIdf = Math.log((1.0 + n) / (1.0 + documentFrequency.get(feature)[0])) + 1.0;
      idf[i] = statistics.idf(display.get(i), mostCommon(languages.get(feature))).orElse(windowIdf);
    }
    SparseVector[] vectors = new SparseVector[n];
    for (int d = 0; d < n; d++) {
      vectors[d] = vector(featuresOf.get(d), index, idf);
    }
    return new TermVectors(vocabulary, display, vectors);
  }

  private static String mostCommon(Map<String, Integer> counts) {
    return counts.entrySet().stream()
        .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
        .orElseThrow().getKey();
  }

  private static SparseVector vector(String[] features, Map<String, Integer> index, double[] idf) {
    Map<Integer, Integer> counts = new HashMap<>();
    for (String feature : features) {
      Integer i = index.get(feature);
      if (i != null) {
        counts.merge(i, 1, Integer::sum);
      }
    }
    int[] indices = counts.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
    float[] values = new float[indices.length];
    double norm = 0;
    for (int i = 0; i < indices.length; i++) {
      double w = (1 + Math.log(counts.get(indices[i]))) * idf[indices[i]];
      values[i] = (float) w;
      norm += w * w;
    }
    norm = Math.sqrt(norm);
    for (int i = 0; i < values.length; i++) {
      values[i] /= (float) norm;
    }
    return new SparseVector(indices, values);
  }

  public SparseVector vector(int document) {
    return vectors[document];
  }

  public int size() {
    return vectors.length;
  }

  public int dimensions() {
    return displayForms.size();
  }

  /** The feature itself (lemma or stem), stable across nights, for signatures. */
  String feature(int index) {
    return features.get(index);
  }

  String display(int feature) {
    return displayForms.get(feature);
  }
}
