package com.escalationrca.embed;

import java.util.List;

import com.escalationrca.nlpmodels.SentenceEncoder;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sentence embeddings: which model ({@code all-minilm-l6-v2-q}, or {@code none} to cluster every
 * narrative by its terms), the detected languages whose narratives are embedded (the model is
 * English; measured on Portuguese and Spanish narratives it clusters worse than their terms do),
 * and how many threads embed.
 */
@ConfigurationProperties("rca.embed")
public record EmbedProperties(@DefaultValue(SentenceEncoder.MODEL) String model,
                              @DefaultValue("en") List<String> languages,
                              @DefaultValue("2") int threads) {

  public static final String NONE = "none";

  public EmbedProperties {
    if (!model.equals(SentenceEncoder.MODEL) && !model.equals(NONE)) {
      throw new IllegalArgumentException("rca.embed.model is '" + model + "'; expected " + SentenceEncoder.MODEL
          + " or " + NONE);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("rca.embed.threads must be at least 1");
    }
    languages = List.copyOf(languages);
  }

  public boolean enabled() {
    return !model.equals(NONE) && !languages.isEmpty();
  }

  /** Whether narratives detected in this language are embedded. */
  public boolean embeds(String language) {
    return enabled() && languages.contains(language);
  }
}
