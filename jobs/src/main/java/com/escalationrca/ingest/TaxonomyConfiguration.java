package com.escalationrca.ingest;

import java.nio.file.Files;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Reads {@code config/taxonomy.yml} once at start. */
@Configuration(proxyBeanMethods = false)
class TaxonomyConfiguration {

  @Bean
  Taxonomy taxonomy(IngestProperties properties) {
    if (!Files.isRegularFile(properties.taxonomyFile())) {
      throw new IllegalStateException("taxonomy file " + properties.taxonomyFile().toAbsolutePath()
          + " is missing (set rca.ingest.taxonomy-file)");
    }
    try {
      return Taxonomy.read(properties.taxonomyFile());
    } catch (tools.jackson.core.JacksonException e) {
      throw new IllegalStateException("taxonomy file " + properties.taxonomyFile() + " is not valid: "
          + e.getOriginalMessage(), e);
    }
  }
}
