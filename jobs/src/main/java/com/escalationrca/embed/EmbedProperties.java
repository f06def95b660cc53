package com.escalationrca.embed;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.escalationrca.nlpmodels.SentenceEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sentence embeddings: which model ({@code all-minilm-l6-v2-q}, bundled; {@code onnx}, a model of
 * the team's choosing from {@code modelFile} and its Hugging Face {@code tokenizerFile}, with its
 * {@code pooling}, input length {@code maxTokens} and optional {@code passagePrefix}; or {@code none}
 * to cluster every narrative by its terms), the detected languages whose narratives are embedded
 * (the bundled model is English; measured on Portuguese and Spanish narratives it clusters worse
 * than their terms do; a multilingual model can take [en, pt, es]), and how many threads embed.
 */
@ConfigurationProperties("rca.embed")
public record EmbedProperties(@DefaultValue(SentenceEncoder.MODEL) String model,
                              @DefaultValue("en") List<String> languages,
                              @DefaultValue("2") int threads,
                              @DefaultValue("") String modelFile,
                              @DefaultValue("") String tokenizerFile,
                              @DefaultValue("mean") String pooling,
                              @DefaultValue("256") int maxTokens,
                              @DefaultValue("") String passagePrefix) {

  public static final String NONE = "none";
  /** Identities of models from files, by file and its size and time: hashing a model file takes a while. */
  private static final Map<String, String> IDENTITIES = new ConcurrentHashMap<>();

  @org.springframework.boot.context.properties.bind.ConstructorBinding
  public EmbedProperties {
    if (!model.equals(SentenceEncoder.MODEL) && !model.equals(SentenceEncoder.FILES) && !model.equals(NONE)) {
      throw new IllegalArgumentException("rca.embed.model is '" + model + "'; expected " + SentenceEncoder.MODEL
          + ", " + SentenceEncoder.FILES + " (with model-file and tokenizer-file) or " + NONE);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("rca.embed.threads must be at least 1");
    }
    if (!pooling.equals("mean") && !pooling.equals("cls")) {
      throw new IllegalArgumentException("rca.embed.pooling is '" + pooling + "'; expected mean or cls");
    }
    if (maxTokens < 16) {
      throw new IllegalArgumentException("rca.embed.max-tokens must be at least 16");
    }
    if (model.equals(SentenceEncoder.FILES)) {
      readable("rca.embed.model-file", modelFile);
      readable("rca.embed.tokenizer-file", tokenizerFile);
    }
    languages = List.copyOf(languages);
  }

  /** The bundled model, or none (tests and commands of the other settings). */
  public EmbedProperties(String model, List<String> languages, int threads) {
    this(model, languages, threads, "", "", "mean", 256, "");
  }

  private static void readable(String key, String file) {
    if (file.isBlank()) {
      throw new IllegalArgumentException(key + " must name a file when rca.embed.model is " + SentenceEncoder.FILES);
    }
    if (!Files.isReadable(Path.of(file)) || Files.isDirectory(Path.of(file))) {
      throw new IllegalArgumentException(key + ": " + file + " is not a readable file");
    }
  }

  public boolean enabled() {
    return !model.equals(NONE) && !languages.isEmpty();
  }

  /** Whether narratives detected in this language are embedded. */
  public boolean embeds(String language) {
    return enabled() && languages.contains(language);
  }

  /** Opens the configured model (about a second, longer for a large file); share it across threads. */
  public SentenceEncoder open() {
    return model.equals(SentenceEncoder.FILES)
        ? SentenceEncoder.load(Path.of(modelFile), Path.of(tokenizerFile), poolingMode(), maxTokens, passagePrefix)
        : SentenceEncoder.load();
  }

  /**
   * The name stored beside every vector: the bundled model and its version, or a model from files
   * by their content, pooling, input length and prefix. A vector of another identity is made again.
   */
  public String modelIdentity() {
    if (!model.equals(SentenceEncoder.FILES)) {
      return SentenceEncoder.currentIdentity();
    }
    try {
      String key = String.join("\u0000", modelFile, tokenizerFile, pooling, String.valueOf(maxTokens), passagePrefix,
          String.valueOf(Files.size(Path.of(modelFile))), String.valueOf(Files.getLastModifiedTime(Path.of(modelFile))),
          String.valueOf(Files.size(Path.of(tokenizerFile))), String.valueOf(Files.getLastModifiedTime(Path.of(tokenizerFile))));
      return IDENTITIES.computeIfAbsent(key, k -> SentenceEncoder.identity(Path.of(modelFile), Path.of(tokenizerFile),
          poolingMode(), maxTokens, passagePrefix));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot read " + modelFile + " or " + tokenizerFile, e);
    }
  }

  private PoolingMode poolingMode() {
    return PoolingMode.valueOf(pooling.toUpperCase(Locale.ROOT));
  }
}
