package com.escalationrca;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.escalationrca.ingest.EscalationImporter;
import com.escalationrca.store.EmbeddedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The production path: with {@code spring.datasource.url} set, the application uses that server
 * (here a separately started PostgreSQL standing in for production), migrates it, and starts no
 * embedded database of its own.
 */
class ConfiguredDatasourceTest {

  @TempDir
  Path dataDir;
  @TempDir
  Path productionDir;

  @Test
  void usesTheConfiguredPostgresAndStartsNoEmbeddedOne() throws Exception {
    try (EmbeddedServer production = EmbeddedServer.acquire(productionDir.resolve("postgres"))) {
      String url = production.jdbcUrl();
      try (var context = new SpringApplicationBuilder(EscalationRcaApplication.class)
          .web(WebApplicationType.NONE)
          .run("--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
              "--spring.datasource.password=" + production.password(),
              "--rca.storage.data-dir=" + dataDir)) {
        var result = context.getBean(EscalationImporter.class).importFile(fixture(), "native", c -> { });

        assertThat(result.counts().inserted()).isEqualTo(2);
        assertThat(context.containsBean("embeddedServer")).isFalse();
      }
      JdbcTemplate direct = new JdbcTemplate(new org.springframework.jdbc.datasource.DriverManagerDataSource(url, "postgres",
          production.password()));
      assertThat(direct.queryForObject("select count(*) from escalation", Long.class)).isEqualTo(2);
      assertThat(direct.queryForObject("select count(*) from batch_job_instance", Long.class)).isZero();
      assertThat(Files.exists(dataDir.resolve("postgres"))).isFalse();
    }
  }

  private static Path fixture() throws URISyntaxException {
    return Path.of(ConfiguredDatasourceTest.class.getResource("/fixtures/bad-rows.csv").toURI());
  }
}
