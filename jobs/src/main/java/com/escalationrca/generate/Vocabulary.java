package com.escalationrca.generate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The generator's words and weights, read from {@code generator/vocabulary.yml}. */
record Vocabulary(List<String> vendors,
                  @JsonProperty("vendor-weights") List<Double> vendorWeights,
                  List<Market> markets,
                  Map<String, Double> channels,
                  Map<String, Double> priorities,
                  Map<String, Double> actions,
                  Map<String, Double> outcomes,
                  @JsonProperty("language-tags") Map<String, List<String>> languageTags,
                  Map<String, List<String>> openers,
                  Map<String, List<String>> closers,
                  Map<String, List<String>> entities,
                  Map<String, Double> policies,
                  List<Theme> themes) {

  record Market(String code, double weight, Map<String, Double> languages) {
  }

  /**
   * One recurring problem under one policy (or under every policy: {@code any}), phrased per
   * language; {@code weight} is its share beside the other themes of a policy (default 1).
   */
  record Theme(String key, String policy, Double weight, List<String> terms, Phrasing en, Phrasing pt,
               Phrasing es) {

    static final String ANY_POLICY = "any";

    Theme {
      weight = weight == null ? 1.0 : weight;
    }

    boolean isCrossPolicy() {
      return ANY_POLICY.equals(policy);
    }

    Phrasing in(String language) {
      return switch (language) {
        case "pt" -> pt;
        case "es" -> es;
        default -> en;
      };
    }
  }

  record Phrasing(List<String> core, List<String> detail) {
  }

  static Vocabulary load() {
    try (InputStream in = Vocabulary.class.getResourceAsStream("/generator/vocabulary.yml")) {
      if (in == null) {
        throw new IllegalStateException("generator/vocabulary.yml is missing from the jar");
      }
      return YAMLMapper.builder().build().readValue(in, Vocabulary.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The themes an escalation under this policy can be about: its own and the cross-policy ones. */
  List<Theme> themesOf(String policy) {
    return themes.stream().filter(t -> t.policy().equals(policy) || t.isCrossPolicy()).toList();
  }

  Theme theme(String key) {
    return themes.stream().filter(t -> t.key().equals(key)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no theme '" + key + "'; the themes are "
            + themes.stream().map(Theme::key).toList()));
  }

  Market market(String code) {
    return markets.stream().filter(m -> m.code().equals(code)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no market '" + code + "'"));
  }
}
