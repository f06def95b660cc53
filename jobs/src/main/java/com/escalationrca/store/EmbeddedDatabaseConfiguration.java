package com.escalationrca.store;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Zero-setup database: when no {@code spring.datasource.url} is configured, a real PostgreSQL 17
 * (binaries from Maven Central) runs from the data folder, keeps its data between runs and is
 * shared by every command on the folder ({@link EmbeddedServer}). With a URL configured, Spring
 * Boot's own DataSource is used and nothing here starts.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

  @Bean(destroyMethod = "close")
  EmbeddedServer embeddedServer(StorageProperties storage) {
    return EmbeddedServer.acquire(storage.postgresDir(), storage.tcpPort());
  }

  @Bean(destroyMethod = "close")
  DataSource dataSource(EmbeddedServer server) {
    HikariDataSource dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(server.jdbcUrl());
    dataSource.setUsername(server.user());
    dataSource.setPassword(server.password());
    dataSource.setMaximumPoolSize(8);
    dataSource.setPoolName("embedded-postgres");
    return dataSource;
  }
}
