package com.escalationrca.bench.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.escalationrca.cluster.ClusterProperties;
import com.escalationrca.correlate.CorrelateProperties;
import com.escalationrca.ingest.IngestProperties;
import com.escalationrca.ingest.Taxonomy;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.FileSystemResource;

/**
 * Binds typed settings from {@code config/application.yml} without starting the application, for
 * benchmarks that need no database: they measure what the nightly job would run with. As in the
 * job, system properties and environment variables ({@code RCA_CLUSTER_MERGESIMILARITY=0.2}) win
 * over the file.
 */
final class ConfigFile {

  private static final Path FILE = Path.of("config", "application.yml");

  private ConfigFile() {
  }

  static ClusterProperties clusterProperties() {
    return binder().bindOrCreate("rca.cluster", ClusterProperties.class);
  }

  static com.escalationrca.embed.EmbedProperties embedProperties() {
    return binder().bindOrCreate("rca.embed", com.escalationrca.embed.EmbedProperties.class);
  }

  static com.escalationrca.run.RunProperties runProperties() {
    return binder().bindOrCreate("rca.run", com.escalationrca.run.RunProperties.class);
  }

  static CorrelateProperties correlateProperties() {
    return binder().bindOrCreate("rca.correlate", CorrelateProperties.class);
  }

  static Taxonomy taxonomy() {
    Path file = binder().bindOrCreate("rca.ingest", IngestProperties.class).taxonomyFile();
    return Taxonomy.read(file);
  }

  private static Binder binder() {
    if (!Files.isRegularFile(FILE)) {
      throw new IllegalStateException(FILE.toAbsolutePath() + " is missing; run from the project folder");
    }
    try {
      var environment = new org.springframework.core.env.StandardEnvironment();
      new YamlPropertySourceLoader().load("config", new FileSystemResource(FILE))
          .forEach(environment.getPropertySources()::addLast);
      return Binder.get(environment);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + FILE, e);
    }
  }
}
