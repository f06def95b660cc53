package com.escalationrca.nlp;

import java.util.Map;

import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;

/**
 * Detects a narrative's language with the OpenNLP 103-language model, preferring the languages the
 * job analyses (English, Portuguese, Spanish): short texts are often scored a close neighbour
 * (Galician for Portuguese), so a supported language within a factor of the best wins.
 */
public final class LanguageIdentifier {

  static final String UNKNOWN = "und";
  private static final Map<String, String> SUPPORTED = Map.of("eng", "en", "por", "pt", "spa", "es");
  /** A supported language within this factor of the top score is preferred to an unsupported one. */
  private static final double PREFERENCE = 4.0;
  private static final int MIN_LETTERS = 12;

  private final LanguageDetectorME detector;

  public LanguageIdentifier(LanguageDetectorME detector) {
    this.detector = detector;
  }

  /** An ISO 639-1 code for supported languages, the ISO 639-3 code for others, "und" if unsure. */
  public String identify(String text) {
    if (text.codePoints().filter(Character::isLetter).count() < MIN_LETTERS) {
      return UNKNOWN;
    }
    Language[] ranked = detector.predictLanguages(text);
    if (ranked.length == 0) {
      return UNKNOWN;
    }
    Language top = ranked[0];
    for (Language candidate : ranked) {
      String supported = SUPPORTED.get(candidate.getLang());
      if (supported != null && candidate.getConfidence() * PREFERENCE >= top.getConfidence()) {
        return supported;
      }
    }
    return top.getLang();
  }

  public static boolean isSupported(String code) {
    return SUPPORTED.containsValue(code);
  }
}
