package com.escalationrca.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.carrot2.clustering.Cluster;
import org.carrot2.clustering.Document;
import org.carrot2.clustering.lingo.LingoClusteringAlgorithm;
import org.carrot2.language.LanguageComponents;

/**
 * Carrot2 Lingo (Osiński &amp; Weiss, 2005) with its defaults and English language components, as
 * the Carrot2 manual documents. Lingo may put a document in several clusters or none: a document
 * is scored in the largest cluster that holds it, or in "other".
 */
final class Carrot2Lingo {

  List<String> cluster(List<String> texts) {
    LanguageComponents english;
    try {
      english = LanguageComponents.loader().load().language("English");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Text> documents = IntStream.range(0, texts.size()).mapToObj(i -> new Text(i, texts.get(i))).toList();
    List<Cluster<Text>> clusters = new ArrayList<>(new LingoClusteringAlgorithm().cluster(documents.stream(), english));
    clusters.sort((a, b) -> Integer.compare(b.getDocuments().size(), a.getDocuments().size()));
    Map<Integer, String> assignment = new HashMap<>();
    for (int c = 0; c < clusters.size(); c++) {
      for (Text t : clusters.get(c).getDocuments()) {
        assignment.putIfAbsent(t.index(), "lingo-" + c);
      }
    }
    return IntStream.range(0, texts.size()).mapToObj(i -> assignment.getOrDefault(i, "other")).toList();
  }

  private record Text(int index, String content) implements Document {
    @Override
    public void visitFields(java.util.function.BiConsumer<String, String> fieldConsumer) {
      fieldConsumer.accept("content", content);
    }
  }
}
