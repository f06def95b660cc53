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

  /** The bundled model's files, written out as a team would place the files of a model of their choosing. */
  private static java.nio.file.Path[] exportBundled(java.nio.file.Path dir) throws java.io.IOException {
    java.nio.file.Path model = dir.resolve("model.onnx");
    java.nio.file.Path tokenizer = dir.resolve("tokenizer.json");
    ClassLoader loader = SentenceEncoder.class.getClassLoader();
    try (var in = loader.getResourceAsStream(SentenceEncoder.MODEL + ".onnx")) {
      java.nio.file.Files.copy(in, model);
    }
    try (var in = loader.getResourceAsStream(SentenceEncoder.MODEL + "-tokenizer.json")) {
      java.nio.file.Files.copy(in, tokenizer);
    }
    return new java.nio.file.Path[] {model, tokenizer};
  }

  @Test
  void aModelFromFilesMakesTheSameVectorsAsTheBundledOneAndIsNamedByItsContent(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
    java.nio.file.Path[] files = exportBundled(dir);
    String narrative = "Someone posted my home address and photos of my house. ".repeat(20);
    var mean = dev.langchain4j.model.embedding.onnx.PoolingMode.MEAN;

    // 180 tokens: chunks of 120 words, as the bundled encoder cuts them.
    try (SentenceEncoder fromFiles = SentenceEncoder.load(files[0], files[1], mean, 180, "")) {
      float[] expected = encoder.embed(narrative);
      float[] actual = fromFiles.embed(narrative);
      assertEquals(expected.length, actual.length);
      for (int i = 0; i < expected.length; i++) {
        assertEquals(expected[i], actual[i], 1e-6);
      }
      assertTrue(fromFiles.identity().matches("onnx:model@[0-9a-f]{16}"), fromFiles.identity());
      // A narrative without words is zeros of the model's own length.
      assertEquals(expected.length, fromFiles.embed("  ").length);
      assertEquals(fromFiles.identity(), SentenceEncoder.identity(files[0], files[1], mean, 180, ""));
    }
    // A prefix (e5's "query: ") changes the vectors, and the identity with them.
    try (SentenceEncoder prefixed = SentenceEncoder.load(files[0], files[1], mean, 180, "query: ")) {
      assertTrue(cosine(encoder.embed("my card was blocked"), prefixed.embed("my card was blocked")) < 0.9999);
      assertTrue(!prefixed.identity().equals(SentenceEncoder.identity(files[0], files[1], mean, 180, "")));
    }
    // Another file under the same name is another model: its vectors are made again.
    String before = SentenceEncoder.identity(files[0], files[1], mean, 180, "");
    java.nio.file.Files.writeString(files[1], java.nio.file.Files.readString(files[1]) + " ");
    assertTrue(!before.equals(SentenceEncoder.identity(files[0], files[1], mean, 180, "")));
    assertEquals(100, SentenceEncoder.chunkWords(150));
  }

  @Test
  void aMissingModelFileIsRefusedNamingIt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    var thrown = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> SentenceEncoder.load(
        dir.resolve("missing.onnx"), dir.resolve("tokenizer.json"), dev.langchain4j.model.embedding.onnx.PoolingMode.MEAN,
        256, ""));
    assertTrue(thrown.getMessage().contains("missing.onnx"), thrown.getMessage());
  }

  @Test
  void theIdentityNamesTheModelAndItsVersionWithoutOpeningIt() {
    assertTrue(SentenceEncoder.currentIdentity().matches("all-minilm-l6-v2-q@\\d+\\.\\d+.*"));
    assertEquals(SentenceEncoder.currentIdentity(), encoder.identity());
  }

  /**
   * Tokenising once and running the session ourselves must not move a vector: each chunk equals
   * what LangChain4j's own model makes of it, a chunk the bundled tokenizer cuts at 128 tokens too.
   */
  @Test
  void chunksAreTheVectorsLangChain4jMakes() {
    var reference = new dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel();
    String numbers = java.util.stream.IntStream.range(0, 110).mapToObj(i -> "4929" + (100000 + i * 7919) + "x")
        .collect(java.util.stream.Collectors.joining(" "));
    for (String chunk : List.of("my card was blocked",
        "I reported the account that posted my home address and phone number. The reviewer closed it as not a"
            + " violation although the post is still up and people keep calling me at night.",
        "Números do meu cartão e endereço foram publicados; a denúncia foi encerrada sem análise.",
        numbers)) {
      float[] expected = reference.embed(chunk).content().vector();
      float[] actual = encoder.embed(chunk);
      assertEquals(expected.length, actual.length);
      for (int i = 0; i < expected.length; i++) {
        assertEquals(expected[i], actual[i], 1e-5, chunk.substring(0, Math.min(30, chunk.length())) + " at " + i);
      }
    }
  }
}
