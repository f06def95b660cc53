package com.escalationrca.nlp;

import java.util.Map;

import com.escalationrca.nlpmodels.LanguageScorer;

/**
 * Detects a narrative's language with the OpenNLP 103-language model, preferring the languages the
 * job analyses (English, Portuguese, Spanish): short texts are often scored a close neighbour
 * (Galician for Portuguese), so a supported language within a factor of the best wins. Compared in
 * log space, so nothing is normalised or sorted per narrative.
 */
public final class LanguageIdentifier {

  static final String UNKNOWN = "und";
  private static final Map<String, String> SUPPORTED = Map.of("eng", "en", "por", "pt", "spa", "es");
  /** A supported language within this factor of the top score is preferred to an unsupported one. */
  private static final double LOG_PREFERENCE = Math.log(4.0);
  private static final int MIN_LETTERS = 12;

  private final LanguageScorer scorer;

  public LanguageIdentifier(LanguageScorer scorer) {
    this.scorer = scorer;
  }

  /** An ISO 639-1 code for supported languages, the ISO 639-3 code for others, "und" if unsure. */
  public String identify(String text) {
    if (!hasLetters(text, MIN_LETTERS)) {
      return UNKNOWN;
    }
    double[] scores = scorer.logScores(text);
    int top = 0;
    int supported = -1;
    for (int i = 0; i < scores.length; i++) {
      if (scores[i] > scores[top]) {
        top = i;
      }
      if (SUPPORTED.containsKey(scorer.language(i)) && (supported < 0 || scores[i] > scores[supported])) {
        supported = i;
      }
    }
    if (supported >= 0 && scores[supported] + LOG_PREFERENCE >= scores[top]) {
      return SUPPORTED.get(scorer.language(supported));
    }
    return scorer.language(top);
  }

  public static boolean isSupported(String code) {
    return SUPPORTED.containsValue(code);
  }

  private static boolean hasLetters(String text, int wanted) {
    int letters = 0;
    for (int i = 0; i < text.length() && letters < wanted; ) {
      int codePoint = text.codePointAt(i);
      if (Character.isLetter(codePoint)) {
        letters++;
      }
      i += Character.charCount(codePoint);
    }
    return letters >= wanted;
  }
}
