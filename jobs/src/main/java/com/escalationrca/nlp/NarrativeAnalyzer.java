package com.escalationrca.nlp;

import com.escalationrca.nlpmodels.NlpModels;

/**
 * Analyses one narrative: cleans it, detects its language, and runs the analysis for that
 * language. Not thread-safe (it holds OpenNLP ME instances); make one per worker thread from the
 * shared {@link NlpModels}.
 */
public final class NarrativeAnalyzer {

  private final NarrativeCleaner cleaner = new NarrativeCleaner();
  private final LanguageIdentifier languages;
  private final EnglishTerms english;
  private final RomanceTerms portuguese = RomanceTerms.portuguese();
  private final RomanceTerms spanish = RomanceTerms.spanish();

  public NarrativeAnalyzer(NlpModels models) {
    this.languages = new LanguageIdentifier(models.newLanguageScorer());
    this.english = new EnglishTerms(models.newEnglishPipeline());
  }

  /**
   * @param declaredLanguage the source's language column, used only when detection is unsure
   */
  public NarrativeAnalysis analyze(String narrative, String declaredLanguage) {
    String text = cleaner.clean(narrative);
    String language = languages.identify(text);
    if (!LanguageIdentifier.isSupported(language) && declaredLanguage != null
        && LanguageIdentifier.isSupported(declaredLanguage)) {
      language = declaredLanguage;
    }
    NarrativeAnalysis analysis = switch (language) {
      case "pt" -> portuguese.analyze(text);
      case "es" -> spanish.analyze(text);
      // English, and the safe fallback for anything else: OpenNLP's English models still split
      // words sensibly, and the detected code is kept so reports show the language honestly.
      default -> english.analyze(text);
    };
    return language.equals(analysis.language()) ? analysis
        : new NarrativeAnalysis(language, analysis.terms(), analysis.phrases(), analysis.tokenCount());
  }
}
