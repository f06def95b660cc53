package com.escalationrca.run;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The nightly run: clustering and correlation look at the {@code windowDays} days ending on the
 * run date (the baseline); analysis reads in chunks of {@code chunkSize}, indexing in chunks of
 * {@code indexChunkSize} (each index chunk ends in a Lucene commit, an fsync, so it is larger).
 * Outside a terminal, progress is logged every {@code progressSeconds} seconds per step.
 */
@ConfigurationProperties("rca.run")
public record RunProperties(@DefaultValue("28") int windowDays, @DefaultValue("500") int chunkSize,
                            @DefaultValue("20000") int indexChunkSize,
                            @DefaultValue("2") int analysisThreads,
                            @DefaultValue("30") int progressSeconds) {

  public RunProperties {
    if (windowDays < 1 || chunkSize < 1 || indexChunkSize < 1 || analysisThreads < 1 || progressSeconds < 1) {
      throw new IllegalArgumentException("rca.run values must be positive");
    }
  }
}
