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
  void informalPortugueseAndSpanishLeaveGreetingsAbbreviationsDatesAndSayingOutOfTermsAndPhrases() {
    NarrativeAnalysis pt = analyzer.analyze("Bom dia, nao consigo acessar o aplicativo pra pagar a fatura do cartão. "
        + "Vc pode ajudar? Já liguei hj de manhã, a atendente disse que tá tudo certo, mas a fatura continua bloqueada "
        + "desde segunda feira, 12 de dezembro. Obrigado", null);
    NarrativeAnalysis es = analyzer.analyze("Hola buenos días, q tal. No puedo entrar a la aplicación xq la contraseña "
        + "quedó bloqueada desde el lunes 5 de diciembre, ud me dijo que ya estaba resuelto y nada. Gracias", null);

    assertThat(pt.language()).isEqualTo("pt");
    assertThat(pt.terms()).contains("aplicativo", "fatura", "cartão", "bloqueada")
        .doesNotContain("bom", "dia", "nao", "pra", "vc", "já", "hj", "tá", "disse", "segunda", "feira", "dezembro",
            "obrigado", "tudo");
    assertThat(pt.phrases()).noneMatch(p -> p.contains("bom dia") || p.contains("dezembro") || p.contains("disse"));
    assertThat(es.language()).isEqualTo("es");
    assertThat(es.terms()).contains("aplicación", "contraseña", "bloqueada")
        .doesNotContain("hola", "buenos", "días", "q", "xq", "ud", "dijo", "lunes", "diciembre", "gracias", "ya");
  }

  @Test
  void contractedDemonstrativesAndFillersAreNoPartOfAPortuguesePhrase() {
    NarrativeAnalysis pt = analyzer.analyze("Nunca passei por esse tipo de situação neste banco: o pagamento nesse "
        + "boleto está dando erro e a segunda via do boleto não abre.", "pt");

    assertThat(pt.phrases()).contains("via do boleto")
        .noneMatch(p -> p.contains("neste") || p.contains("nesse") || p.contains("tipo") || p.contains("situação")
            || p.contains("dando"));
  }

  @Test
  void portugueseAndSpanishPhrasesAreNounPhrasesWithTheirDeComplements() {
    NarrativeAnalysis pt = analyzer.analyze("O banco deveria enviar o cartão de crédito novo, mas seguem cobrando juros "
        + "abusivos no débito automático da conta corrente. Ninguém resolve, o estorno do valor pago sendo negado.", "pt");
    NarrativeAnalysis es = analyzer.analyze("El banco cobró una comisión indebida en mi tarjeta de crédito y siguen "
        + "cobrando intereses; pagué el saldo pendiente del préstamo personal y nadie responde.", "es");

    assertThat(pt.phrases()).contains("cartão de crédito", "juros abusivos", "débito automático", "conta corrente",
        "estorno do valor", "estorno do valor pago")
        .noneMatch(p -> p.startsWith("deveria") || p.contains("enviar") || p.contains("cobrando") || p.contains("sendo")
            || p.contains("ninguém") || p.endsWith(" de") || p.endsWith(" do"));
    assertThat(es.phrases()).contains("comisión indebida", "tarjeta de crédito", "saldo pendiente", "préstamo personal")
        .noneMatch(p -> p.contains("cobró") || p.contains("cobrando") || p.contains("pagué") || p.contains("nadie"));
  }

  @Test
  void detectsTheLanguageOfALabelledMultilingualSampleWithAtLeast97PercentAccuracy() {
    // The generator writes each narrative in the language it records (en, pt-BR, es-MX…): labels.
    java.util.List<com.escalationrca.generate.GeneratedEscalation> sample = new java.util.ArrayList<>();
    new com.escalationrca.generate.EscalationGenerator().generate(new com.escalationrca.generate.GeneratorSpec(
        600, 28, 21, java.time.LocalDate.of(2026, 1, 31), 0), sample::add);
    long correct = sample.stream().filter(e -> analyzer.analyze(e.narrative(), null).language()
        .equals(e.language().substring(0, 2).toLowerCase(java.util.Locale.ROOT))).count();

    assertThat(sample.stream().map(e -> e.language().substring(0, 2).toLowerCase()).distinct()).hasSize(3);
    assertThat(correct / (double) sample.size()).isGreaterThanOrEqualTo(0.97);
  }

  @Test
  void tooShortToTellFallsBackToTheDeclaredLanguage() {
    assertThat(analyzer.analyze("ok", "pt").language()).isEqualTo("pt");
    assertThat(analyzer.analyze("ok", null).language()).isEqualTo("und");
  }
}
