package com.escalationrca.nlpmodels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SentenceEncoderTest {

  private static SentenceEncoder encoder;

  @BeforeAll
  static void open() {
    encoder = SentenceEncoder.load();
  }

  @AfterAll
  static void close() {
    encoder.close();
  }

  private static double cosine(float[] a, float[] b) {
    double dot = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
    }
    return dot;
  }

  @Test
  void twoWaysOfReportingOneProblemAreCloserThanTwoProblems() {
    float[] doxxing = encoder.embed("Someone posted my home address and photos of my house on their profile.");
    float[] paraphrase = encoder.embed("A user shared where I live, my street and pictures of my home, publicly.");
    float[] crypto = encoder.embed("Bots keep replying with a crypto giveaway link that promises to double your coins.");

    assertEquals(SentenceEncoder.DIMENSIONS, doxxing.length);
    assertEquals(1.0, cosine(doxxing, doxxing), 1e-5);
    assertTrue(cosine(doxxing, paraphrase) > cosine(doxxing, crypto) + 0.2,
        () -> "paraphrase " + cosine(doxxing, paraphrase) + ", other problem " + cosine(doxxing, crypto));
  }

  @Test
  void aLongNarrativeIsEmbeddedInChunksOfWholeSentencesAndPooled() {
    String sentence = "The reviewer removed my post under the wrong policy and ignored my appeal twice. ";
    List<String> chunks = SentenceEncoder.chunks(sentence.repeat(30));

    // 14 words a sentence: 8 whole sentences fit in 120 words, so 30 sentences make 4 chunks.
    assertEquals(4, chunks.size());
    assertTrue(chunks.stream().allMatch(c -> c.endsWith("twice.")));
    assertEquals(List.of("one two three"), SentenceEncoder.chunks("  one two   three "));
    // One over-long sentence is cut by words.
    assertEquals(3, SentenceEncoder.chunks("word ".repeat(250)).size());
    // The narrative's vector is its chunks' vectors weighted by their words (112, 112, 112, 84), at unit length.
    float[] pooled = encoder.embed(sentence.repeat(30));
    double[] mean = new double[SentenceEncoder.DIMENSIONS];
    for (String chunk : chunks) {
      float[] v = encoder.embed(chunk);
      int words = chunk.split(" ").length;
      for (int i = 0; i < mean.length; i++) {
        mean[i] += words * v[i];
      }
    }
    double norm = Math.sqrt(java.util.Arrays.stream(mean).map(x -> x * x).sum());
    for (int i = 0; i < mean.length; i++) {
      assertEquals(mean[i] / norm, pooled[i], 1e-5);
    }
  }

  @Test
  void theIdentityNamesTheModelAndItsVersionWithoutOpeningIt() {
    assertTrue(SentenceEncoder.currentIdentity().matches("all-minilm-l6-v2-q@\\d+\\.\\d+.*"));
    assertEquals(SentenceEncoder.currentIdentity(), encoder.identity());
  }
}
