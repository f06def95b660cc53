package com.escalationrca.cli;

import com.escalationrca.EscalationRcaApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the Spring context (database, migrations, job) for the commands that need it. */
final class ApplicationContexts {

  private ApplicationContexts() {
  }

  static ConfigurableApplicationContext start(StorageOptions storage) {
    return new SpringApplicationBuilder(EscalationRcaApplication.class)
        .web(WebApplicationType.NONE)
        .logStartupInfo(false)
        // As command-line arguments: they outrank config/application.yml, as a user expects.
        .run("--rca.storage.data-dir=" + storage.dataDir, "--rca.storage.reports-dir=" + storage.reportsDir);
  }
}
