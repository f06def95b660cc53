package com.escalationrca.nlpmodels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class NlpModelsTest {

  private static NlpModels models;

  @BeforeAll
  static void load() {
    models = NlpModels.load();
  }

  @Test
  void splitsSentencesTagsAndLemmatizesEnglish() {
    List<TaggedSentence> sentences = models.newEnglishPipeline()
        .analyze("The reviewers removed two posts. They were appealing the decisions.");

    assertEquals(2, sentences.size());
    TaggedSentence first = sentences.get(0);
    assertArrayEquals(new String[] {"The", "reviewers", "removed", "two", "posts", "."},
        first.tokens());
    assertEquals("NOUN", first.tags()[1]);
    assertEquals("VERB", first.tags()[2]);
    assertEquals("reviewer", first.lemmas()[1]);
    assertEquals("remove", first.lemmas()[2]);
    assertEquals("post", first.lemmas()[4]);
  }

  @Test
  void detectsEnglishPortugueseAndSpanish() {
    var detector = models.newLanguageDetector();
    assertEquals("eng", detector.predictLanguage(
        "The reviewer removed my post about the election and I want to appeal").getLang());
    assertEquals("por", detector.predictLanguage(
        "O revisor removeu minha publicação e eu quero recorrer da decisão").getLang());
    assertEquals("spa", detector.predictLanguage(
        "El revisor eliminó mi publicación y quiero apelar la decisión de la plataforma").getLang());
  }

  @Test
  void emptyTextHasNoSentences() {
    assertTrue(models.newEnglishPipeline().analyze("   ").isEmpty());
  }
}
