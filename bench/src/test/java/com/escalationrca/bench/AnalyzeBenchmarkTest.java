package com.escalationrca.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The analyze benchmark measures every contender on the same narratives and checks the step agrees with OpenNLP. */
class AnalyzeBenchmarkTest {

  @Test
  void theStepsPiecesAgreeWithOpenNlpOnTheSameNarratives() {
    List<String> narratives = List.of(
        "Someone posted my home address in a reply. The report was closed as no violation.",
        "Escalating from tier 1. The reviewer can't tell U.S. posts from spam, and I've appealed twice.",
        "Escalating from tier 1. Spam links to a crypto giveaway flood the comments.",
        "O revisor removeu minha publicação e eu quero recorrer da decisão, vc pode ver pq nao entendi",
        "El revisor eliminó mi publicación y quiero apelar la decisión de la plataforma.");
    List<String> warmUp = List.of("The vendor closed the report without reading it. Please advise.",
        "Golpe de oferta de emprego por DM pedindo pagamento antes de começar.");

    AnalyzeBenchmark.Result r = new AnalyzeBenchmark().run("test", narratives, warmUp);

    assertThat(r.narratives()).isEqualTo(5);
    assertThat(r.english()).isEqualTo(3);
    assertThat(r.sameLanguage()).isEqualTo(5);
    assertThat(r.sameTags()).isEqualTo(3);
    assertThat(List.of(r.libraryLanguage(), r.stepLanguage(), r.analyzer()))
        .allSatisfy(c -> assertThat(c.items()).isEqualTo(5));
    assertThat(List.of(r.libraryEnglish(), r.stepEnglish())).allSatisfy(c -> {
      assertThat(c.items()).isEqualTo(3);
      assertThat(c.perSecond()).isPositive();
    });
  }
}
