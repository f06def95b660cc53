package com.escalationrca.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.escalationrca.nlpmodels.EnglishPipeline;
import com.escalationrca.nlpmodels.TaggedSentence;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/**
 * English through OpenNLP: content-word lemmas (nouns, proper nouns, verbs, adjectives) as terms,
 * and noun phrases (adjectives and nouns ending in a noun, 2–4 words) as key-phrase candidates.
 */
final class EnglishTerms {

  private static final Set<String> CONTENT = Set.of("NOUN", "PROPN", "VERB", "ADJ");
  private static final Set<String> PHRASE_PART = Set.of("NOUN", "PROPN", "ADJ");
  /** Words that pass the POS filter in escalations but say nothing about the problem. */
  private static final Set<String> GENERIC = Set.of("be", "have", "do", "get", "say", "go", "make",
      "take", "keep", "want", "know", "let", "please", "pls", "thanks", "team", "hi", "fyi", "asap");

  private final EnglishPipeline pipeline;

  EnglishTerms(EnglishPipeline pipeline) {
    this.pipeline = pipeline;
  }

  NarrativeAnalysis analyze(String text) {
    List<String> terms = new ArrayList<>();
    List<String> phrases = new ArrayList<>();
    int tokens = 0;
    for (TaggedSentence sentence : pipeline.analyze(text)) {
      tokens += sentence.size();
      int phraseStart = -1;
      for (int i = 0; i <= sentence.size(); i++) {
        boolean partOfPhrase = i < sentence.size() && PHRASE_PART.contains(sentence.tags()[i])
            && isWord(sentence.tokens()[i]);
        if (i < sentence.size() && CONTENT.contains(sentence.tags()[i])) {
          String lemma = normalize(sentence.lemmas()[i], sentence.tokens()[i]);
          if (lemma != null) {
            terms.add(lemma);
          }
        }
        if (partOfPhrase && phraseStart < 0) {
          phraseStart = i;
        } else if (!partOfPhrase && phraseStart >= 0) {
          addPhrase(sentence, phraseStart, i, phrases);
          phraseStart = -1;
        }
      }
    }
    return new NarrativeAnalysis("en", terms, phrases, tokens);
  }

  /** Trims the run to end on a noun and keeps it if it has 2–4 words. */
  private static void addPhrase(TaggedSentence sentence, int from, int to, List<String> phrases) {
    int end = to;
    while (end > from && sentence.tags()[end - 1].equals("ADJ")) {
      end--;
    }
    if (end - from > 4) {
      from = end - 4;
    }
    if (end - from >= 2) {
      StringBuilder phrase = new StringBuilder();
      for (int i = from; i < end; i++) {
        if (i > from) {
          phrase.append(' ');
        }
        // The head noun is lemmatised ("home addresses" → "home address"), modifiers kept as written.
        phrase.append(i == end - 1 ? sentence.lemmas()[i].toLowerCase(Locale.ROOT)
            : sentence.tokens()[i].toLowerCase(Locale.ROOT));
      }
      phrases.add(phrase.toString());
    }
  }

  private static String normalize(String lemma, String token) {
    String word = (lemma == null || lemma.isBlank() || lemma.equals("O") ? token : lemma)
        .toLowerCase(Locale.ROOT);
    if (!isWord(word) || word.length() < 2 || EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(word)
        || GENERIC.contains(word)) {
      return null;
    }
    return word;
  }

  private static boolean isWord(String token) {
    if (token.isEmpty() || !Character.isLetter(token.codePointAt(0))) {
      return false;
    }
    return token.codePoints().allMatch(c -> Character.isLetter(c) || c == '-' || c == '\'');
  }
}
