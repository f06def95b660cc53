package com.escalationrca.ingest;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Import limits and where mappings and the taxonomy live. */
@ConfigurationProperties("rca.ingest")
public record IngestProperties(@DefaultValue("config/mappings") Path mappingsDir,
                               @DefaultValue("config/taxonomy.yml") Path taxonomyFile,
                               @DefaultValue("1000") int batchSize,
                               @DefaultValue("200") int maxFieldLength,
                               @DefaultValue("32000") int maxNarrativeLength) {

  public IngestProperties {
    if (batchSize < 1 || maxFieldLength < 1 || maxNarrativeLength < 1) {
      throw new IllegalArgumentException("rca.ingest sizes must be positive");
    }
  }
}
