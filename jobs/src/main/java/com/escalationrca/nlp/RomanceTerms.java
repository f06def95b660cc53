package com.escalationrca.nlp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Portuguese and Spanish through Lucene, since OpenNLP ships no models for them on Maven Central:
 * Lucene's tokenizer, lower-casing and each language's stop words with the informal ones
 * ({@link InformalStopWords}, compared without accents). Terms stay as written (readable
 * in labels); the vectoriser applies Lucene's light stemmer when it builds features. Phrases are
 * runs of 2–3 content words not broken by a stop word.
 */
final class RomanceTerms {

  private final String language;
  private final InformalStopWords stopWords;

  private RomanceTerms(String language, CharArraySet luceneStopWords) {
    this.language = language;
    this.stopWords = InformalStopWords.of(language, luceneStopWords);
  }

  static RomanceTerms portuguese() {
    return new RomanceTerms("pt", PortugueseAnalyzer.getDefaultStopSet());
  }

  static RomanceTerms spanish() {
    return new RomanceTerms("es", SpanishAnalyzer.getDefaultStopSet());
  }

  NarrativeAnalysis analyze(String text) {
    List<String> terms = new ArrayList<>();
    List<String> phrases = new ArrayList<>();
    List<String> run = new ArrayList<>();
    int tokens = 0;
    try (Tokenizer tokenizer = new StandardTokenizer();
         TokenStream stream = new LowerCaseFilter(tokenizer)) {
      tokenizer.setReader(new java.io.StringReader(text));
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.addAttribute(PositionIncrementAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        tokens++;
        String word = term.toString();
        boolean content = word.length() >= 2 && Character.isLetter(word.codePointAt(0))
            && !stopWords.contains(word);
        if (content) {
          terms.add(word);
          run.add(word);
        } else {
          flush(run, phrases);
        }
      }
      flush(run, phrases);
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new NarrativeAnalysis(language, terms, phrases, tokens);
  }

  private static void flush(List<String> run, List<String> phrases) {
    for (int n = 2; n <= 3; n++) {
      for (int i = 0; i + n <= run.size(); i++) {
        phrases.add(String.join(" ", run.subList(i, i + n)));
      }
    }
    run.clear();
  }
}
