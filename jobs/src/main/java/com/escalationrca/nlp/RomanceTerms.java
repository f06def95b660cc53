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
 * noun phrases by pattern ({@link RomancePhrases}): 2–3 nominal words, joined by "de" where it
 * stands between them.
 */
final class RomanceTerms {

  private final String language;
  private final InformalStopWords stopWords;
  private final RomancePhrases nounPhrases;

  private RomanceTerms(String language, CharArraySet luceneStopWords, RomancePhrases nounPhrases) {
    this.language = language;
    this.stopWords = InformalStopWords.of(language, luceneStopWords);
    this.nounPhrases = nounPhrases;
  }

  static RomanceTerms portuguese() {
    return new RomanceTerms("pt", PortugueseAnalyzer.getDefaultStopSet(), RomancePhrases.portuguese());
  }

  static RomanceTerms spanish() {
    return new RomanceTerms("es", SpanishAnalyzer.getDefaultStopSet(), RomancePhrases.spanish());
  }

  NarrativeAnalysis analyze(String text) {
    List<String> terms = new ArrayList<>();
    List<String> phrases = new ArrayList<>();
    List<String> run = new ArrayList<>();
    List<Boolean> join = new ArrayList<>();
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
        }
        if (content && nounPhrases.nominal(word)) {
          run.add(word);
          join.add(false);
        } else if (!content && nounPhrases.joins(word) && !run.isEmpty() && !join.get(join.size() - 1)) {
          run.add(word);
          join.add(true);
        } else {
          flush(run, join, phrases);
        }
      }
      flush(run, join, phrases);
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new NarrativeAnalysis(language, terms, phrases, tokens);
  }

  private static void flush(List<String> run, List<Boolean> join, List<String> phrases) {
    RomancePhrases.phrases(run, join, phrases);
    run.clear();
    join.clear();
  }
}
