package com.escalationrca.cluster;

import org.apache.lucene.analysis.es.SpanishLightStemmer;
import org.apache.lucene.analysis.pt.PortugueseLightStemmer;

/**
 * Maps a term to its clustering feature: Lucene's light stemmers fold Portuguese and Spanish
 * inflections ("publicações" and "publicação"); English terms are already OpenNLP lemmas.
 */
public final class FeatureNormalizer {

  private final PortugueseLightStemmer portuguese = new PortugueseLightStemmer();
  private final SpanishLightStemmer spanish = new SpanishLightStemmer();

  public String feature(String term, String language) {
    char[] chars = term.toCharArray();
    int length = switch (language) {
      case "pt" -> portuguese.stem(chars, chars.length);
      case "es" -> spanish.stem(chars, chars.length);
      default -> chars.length;
    };
    return new String(chars, 0, length);
  }
}
