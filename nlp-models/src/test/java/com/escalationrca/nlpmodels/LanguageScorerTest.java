package com.escalationrca.nlpmodels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LanguageScorerTest {

  private static NlpModels models;

  @BeforeAll
  static void load() {
    models = NlpModels.load();
  }

  /** Texts that exercise each normaliser (URLs, handles, numbers, emoji, repeats) and each script. */
  private static final List<String> TEXTS = List.of(
      "The reviewer removed my post about the election and I want to appeal",
      "O revisor removeu minha publicação e eu quero recorrer da decisão, vc pode ver pq nao entendi",
      "El revisor eliminó mi publicación y quiero apelar la decisión de la plataforma. Gracias!!!",
      "Escalando do nível 1: Golpe de oferta de emprego por DM. Link: https://social.example.com/vivizu_16/status/44667720644 de @tinmartin_26.",
      "Hola equipo 😡😡 estafa de empleo #7837958 cuenta @bermigo, ref 123-456-7890 rt: muy mal :-) jajajaja",
      "Der Prüfer hat meinen Beitrag gelöscht und ich möchte Einspruch einlegen.",
      "Модератор удалил мой пост, и я хочу обжаловать это решение.",
      "审核员删除了我的帖子，我想申诉。",
      "İSTANBUL'da ŞİKAYET — Straße ΣΊΣΥΦΟΣ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
      "a",
      "");

  @Test
  void scoresAsOpenNlpsDetectorDoes() {
    LanguageDetectorME library = models.newLanguageDetector();
    LanguageScorer scorer = models.newLanguageScorer();
    for (String text : TEXTS) {
      Language[] expected = library.predictLanguages(text);
      Language[] actual = scorer.predictLanguages(text);
      assertEquals(expected.length, actual.length, text);
      for (int i = 0; i < 5; i++) {
        assertEquals(expected[i].getLang(), actual[i].getLang(), text + " rank " + i);
        assertEquals(expected[i].getConfidence(), actual[i].getConfidence(), 1e-9, text + " rank " + i);
      }
    }
  }

  @Test
  void reusesItsBuffersAcrossTextsOfEverySize() {
    LanguageScorer scorer = models.newLanguageScorer();
    String longText = "O revisor removeu minha publicação e eu quero recorrer da decisão. ".repeat(200);
    String first = scorer.predictLanguages("The reviewer removed my post and I want to appeal")[0].getLang();
    scorer.predictLanguages(longText);
    assertEquals(first, scorer.predictLanguages("The reviewer removed my post and I want to appeal")[0].getLang());
    assertEquals("por", scorer.predictLanguages(longText)[0].getLang());
  }
}
