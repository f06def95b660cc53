package com.escalationrca.nlpmodels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTagFormat;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The pipeline's memos (words, sentences) give exactly what OpenNLP's models give without them. */
class EnglishPipelineTest {

  private static final String TEXT = "The reviewer can't tell U.S. posts from spam, and I've appealed twice. "
      + "Escalating from tier 1. Please advise!! The vendor's queue (Manila) removed 3 posts... "
      + "\"Hate speech\" was the label; it wasn't. Escalating from tier 1. Mr. O'Neil re-opened case #4411.";

  private static SentenceModel sentenceModel;
  private static TokenizerModel tokenModel;
  private static POSModel posModel;
  private static NlpModels models;

  @BeforeAll
  static void load() throws Exception {
    sentenceModel = new SentenceModel(EnglishPipelineTest.class.getResourceAsStream(NlpModels.SENTENCE_MODEL));
    tokenModel = new TokenizerModel(EnglishPipelineTest.class.getResourceAsStream(NlpModels.TOKEN_MODEL));
    posModel = new POSModel(EnglishPipelineTest.class.getResourceAsStream(NlpModels.POS_MODEL));
    models = NlpModels.load();
  }

  @Test
  void tokensAndTagsAreTheModelsOwn() {
    String[] sentences = new SentenceDetectorME(sentenceModel).sentDetect(TEXT);
    TokenizerME tokenizer = new TokenizerME(tokenModel);
    POSTaggerME tagger = new POSTaggerME(posModel, POSTagFormat.UD);
    EnglishPipeline pipeline = models.newEnglishPipeline();
    for (int round = 0; round < 2; round++) { // the second round is answered from the memos
      List<TaggedSentence> tagged = pipeline.analyze(TEXT);
      assertEquals(sentences.length, tagged.size());
      for (int i = 0; i < sentences.length; i++) {
        String[] tokens = tokenizer.tokenize(sentences[i]);
        assertArrayEquals(tokens, tagged.get(i).tokens(), sentences[i]);
        assertArrayEquals(tagger.tag(tokens), tagged.get(i).tags(), sentences[i]);
      }
    }
  }

  @Test
  void aSentenceSeenInAnotherNarrativeIsAnalysedAlike() {
    EnglishPipeline fresh = models.newEnglishPipeline();
    EnglishPipeline warm = models.newEnglishPipeline();
    warm.analyze("Escalating from tier 1. The reviewer can't tell U.S. posts from spam, and I've appealed twice.");
    List<TaggedSentence> expected = fresh.analyze(TEXT);
    List<TaggedSentence> actual = warm.analyze(TEXT);
    assertEquals(expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      assertArrayEquals(expected.get(i).tokens(), actual.get(i).tokens());
      assertArrayEquals(expected.get(i).tags(), actual.get(i).tags());
      assertArrayEquals(expected.get(i).lemmas(), actual.get(i).lemmas());
    }
  }
}
