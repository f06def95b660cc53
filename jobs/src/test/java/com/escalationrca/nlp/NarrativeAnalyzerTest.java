package com.escalationrca.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import com.escalationrca.nlpmodels.NlpModels;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class NarrativeAnalyzerTest {

  private static NarrativeAnalyzer analyzer;

  @BeforeAll
  static void load() {
    analyzer = new NarrativeAnalyzer(NlpModels.load());
  }

  @Test
  void englishGetsLemmasAndNounPhrasesWithoutTicketIdsHandlesOrUrls() {
    NarrativeAnalysis a = analyzer.analyze("Someone posted my home addresses again. Ticket TCK-123456, "
        + "account @kalomi_42, see https://social.example.com/kalomi/status/1234567890", null);

    assertThat(a.language()).isEqualTo("en");
    assertThat(a.terms()).contains("post", "home", "address").doesNotContain("tck-123456", "kalomi_42");
    assertThat(a.phrases()).contains("home address");
  }

  @Test
  void portugueseAndSpanishDropStopWordsAndKeepReadableWords() {
    NarrativeAnalysis pt = analyzer.analyze("Alguém publicou meu endereço residencial e fotos da minha casa", null);
    NarrativeAnalysis es = analyzer.analyze("Alguien publicó la dirección de mi casa y sigue publicado", null);

    assertThat(pt.language()).isEqualTo("pt");
    assertThat(pt.terms()).contains("endereço", "residencial", "casa").doesNotContain("da", "meu");
    assertThat(pt.phrases()).contains("endereço residencial");
    assertThat(es.language()).isEqualTo("es");
    assertThat(es.terms()).contains("dirección", "casa").doesNotContain("la", "de");
  }

  @Test
  void tooShortToTellFallsBackToTheDeclaredLanguage() {
    assertThat(analyzer.analyze("ok", "pt").language()).isEqualTo("pt");
    assertThat(analyzer.analyze("ok", null).language()).isEqualTo("und");
  }
}
