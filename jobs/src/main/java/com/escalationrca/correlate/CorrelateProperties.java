package com.escalationrca.correlate;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Finding thresholds: a cluster × value needs {@code minSupport} escalations and a
 * Benjamini–Hochberg q-value below {@code alpha}; expected counts are computed within strata of
 * {@code stratifyBy} (the detected language by default, since narratives cluster by language and
 * markets map to languages). The last {@code recentDays} days of the window are tested against the
 * days before them for spikes. Combinations of up to {@code maxCombination} values of the
 * {@code combineDimensions} (who handled it, where, how it came, what was done) are tested; a
 * finding is drilled down into a value of a {@code contextDimensions} dimension (policy) when its
 * escalations single one out within their cluster. The words of the narratives are populations too:
 * up to {@code maxWords} analysed terms and noun phrases, each held by at most {@code maxWordShare}
 * of the window (0 words: off), are tested for rising alone and with each value ({@link SurgeDetector}),
 * in a family of their own held to {@code wordAlpha}, and reported when the lower bound of their rise's
 * ratio is above {@code wordMinRatio}.
 */
@ConfigurationProperties("rca.correlate")
public record CorrelateProperties(@DefaultValue("10") int minSupport,
                                  @DefaultValue("0.05") double alpha,
                                  @DefaultValue("50") int maxFindings,
                                  @DefaultValue("5") int examplesPerFinding,
                                  @DefaultValue("detected_language") String stratifyBy,
                                  @DefaultValue("7") int recentDays,
                                  @DefaultValue("3") int maxCombination,
                                  @DefaultValue("policy") java.util.List<String> contextDimensions,
                                  @DefaultValue({"vendor", "market", "channel", "action"}) java.util.List<String> combineDimensions,
                                  @DefaultValue("2000") int maxWords,
                                  @DefaultValue("0.3") double maxWordShare,
                                  @DefaultValue("0.01") double wordAlpha,
                                  @DefaultValue("1.5") double wordMinRatio,
                                  @DefaultValue("1000") int maxGroupClusters,
                                  @DefaultValue("0.2") double maxGroupShare,
                                  @DefaultValue("20") int contentNeighbours,
                                  @DefaultValue("1000") int contentSample) {

  @org.springframework.boot.context.properties.bind.ConstructorBinding
  public CorrelateProperties {
    if (alpha <= 0 || alpha >= 1) {
      throw new IllegalArgumentException("rca.correlate.alpha must be in (0, 1)");
    }
    if (recentDays < 1) {
      throw new IllegalArgumentException("rca.correlate.recent-days must be at least 1");
    }
    if (maxCombination < 1 || maxCombination > 3) {
      throw new IllegalArgumentException("rca.correlate.max-combination must be 1, 2 or 3");
    }
    contextDimensions = java.util.List.copyOf(contextDimensions);
    combineDimensions = java.util.List.copyOf(combineDimensions);
    if (minSupport < 1) {
      throw new IllegalArgumentException("rca.correlate.min-support must be at least 1");
    }
    if (maxWords < 0) {
      throw new IllegalArgumentException("rca.correlate.max-words must be 0 (off) or more");
    }
    if (wordMinRatio < 1) {
      throw new IllegalArgumentException("rca.correlate.word-min-ratio must be at least 1");
    }
    if (wordAlpha <= 0 || wordAlpha >= 1) {
      throw new IllegalArgumentException("rca.correlate.word-alpha must be in (0, 1)");
    }
    if (maxGroupClusters < 0) {
      throw new IllegalArgumentException("rca.correlate.max-group-clusters must be 0 (off) or more");
    }
    if (maxGroupShare <= 0 || maxGroupShare > 1) {
      throw new IllegalArgumentException("rca.correlate.max-group-share must be in (0, 1]");
    }
    if (contentNeighbours < 0) {
      throw new IllegalArgumentException("rca.correlate.content-neighbours must be 0 (off) or more");
    }
    if (contentSample < 2 * minSupport) {
      throw new IllegalArgumentException("rca.correlate.content-sample must be at least twice min-support ("
          + 2 * minSupport + ")");
    }
    if (maxWordShare <= 0 || maxWordShare > 1) {
      throw new IllegalArgumentException("rca.correlate.max-word-share must be in (0, 1]");
    }
  }

  /** Without words as populations (the settings before they existed; tests of the other families). */
  public CorrelateProperties(int minSupport, double alpha, int maxFindings, int examplesPerFinding, String stratifyBy,
                             int recentDays, int maxCombination, java.util.List<String> contextDimensions,
                             java.util.List<String> combineDimensions) {
    this(minSupport, alpha, maxFindings, examplesPerFinding, stratifyBy, recentDays, maxCombination, contextDimensions,
        combineDimensions, 0, 0.3, 0.01, 1.5, 0, 0.2, 0, Math.max(2000, 2 * minSupport));
  }
}
