package com.escalationrca.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Creates the Spring Batch job repository tables from the DDL that ships inside spring-batch-core,
 * so Flyway owns the whole schema and the tables always match the Batch version on the classpath.
 * Spring Boot hands every {@code JavaMigration} bean to Flyway.
 */
@Component
class SpringBatchSchemaMigration implements JavaMigration {

  static final String BATCH_DDL = "/org/springframework/batch/core/schema-postgresql.sql";

  @Override
  public String getDescription() {
    return "Spring Batch job repository";
  }

  @Override
  public Integer getChecksum() {
    return ddl().hashCode();
  }

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("2");
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws Exception {
    try (Statement statement = context.getConnection().createStatement()) {
      for (String sql : ddl().split(";")) {
        if (!sql.isBlank()) {
          statement.execute(sql);
        }
      }
    }
  }

  private static String ddl() {
    try (InputStream in = SpringBatchSchemaMigration.class.getResourceAsStream(BATCH_DDL)) {
      if (in == null) {
        throw new IllegalStateException(BATCH_DDL + " is missing from spring-batch-core");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + BATCH_DDL, e);
    }
  }
}
