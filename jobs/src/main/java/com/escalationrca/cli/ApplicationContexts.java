package com.escalationrca.cli;

import java.util.ArrayList;
import java.util.List;

import com.escalationrca.EscalationRcaApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the Spring context (database, migrations, job) for the commands that need it, and the benchmarks'. */
public final class ApplicationContexts {

  private ApplicationContexts() {
  }

  /** The web application of `serve`: the same context plus an embedded Tomcat on this address. */
  public static ConfigurableApplicationContext serve(StorageOptions storage, String bind, int port) {
    return new SpringApplicationBuilder(EscalationRcaApplication.class)
        .web(WebApplicationType.SERVLET)
        .logStartupInfo(false)
        .run("--rca.storage.data-dir=" + storage.dataDir, "--rca.storage.reports-dir=" + storage.reportsDir,
            "--server.address=" + bind, "--server.port=" + port);
  }

  public static ConfigurableApplicationContext start(StorageOptions storage) {
    return start(storage, new String[0]);
  }

  /** As {@link #start(StorageOptions)}, with settings that outrank config/application.yml ({@code --rca.run.window-days=90}). */
  public static ConfigurableApplicationContext start(StorageOptions storage, String... settings) {
    List<String> arguments = new ArrayList<>(List.of(
        "--rca.storage.data-dir=" + storage.dataDir, "--rca.storage.reports-dir=" + storage.reportsDir));
    arguments.addAll(List.of(settings));
    return new SpringApplicationBuilder(EscalationRcaApplication.class)
        .web(WebApplicationType.NONE)
        .logStartupInfo(false)
        // As command-line arguments: they outrank config/application.yml, as a user expects.
        .run(arguments.toArray(String[]::new));
  }
}
