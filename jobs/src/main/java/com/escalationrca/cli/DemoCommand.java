package com.escalationrca.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;

import com.escalationrca.generate.DatasetWriter;
import com.escalationrca.generate.GeneratorSpec;
import com.escalationrca.generate.GroundTruth;
import com.escalationrca.generate.PlantedCause;
import com.escalationrca.ingest.EscalationImporter;
import com.escalationrca.job.NightlyRunLauncher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Runs the nightly job on a generated demo dataset and prints the report path.",
        "Generates escalations with planted root causes and imports them first, in a data folder of its own so that"
            + " it never mixes with real data."})
final class DemoCommand implements Callable<Integer> {

  @Option(names = "--escalations", defaultValue = "6000", description = "Size of the demo dataset (default: ${DEFAULT-VALUE}).")
  long escalations;

  @Option(names = "--seed", defaultValue = "7", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--data-dir", paramLabel = "DIR", description = "Demo data folder (default: ${DEFAULT-VALUE}).")
  Path dataDir = Path.of("data", "demo");

  @Option(names = "--reports-dir", paramLabel = "DIR", description = "Reports folder (default: ${DEFAULT-VALUE}).")
  Path reportsDir = Path.of("reports");

  @Override
  public Integer call() throws Exception {
    long started = System.nanoTime();
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    Path data = dataDir.resolve("escalations.jsonl");
    // One cause is the mission's own example, a vendor misapplying one policy in one market; the
    // other is a random theme.
    GroundTruth truth = new DatasetWriter().write(
        new GeneratorSpec(escalations, 42, seed, today, 2, 0, java.util.List.of("wrong_policy_applied")), data);
    System.out.printf("generated %,d escalations in %s%n", truth.escalations(), data);
    for (PlantedCause cause : truth.causes()) {
      System.out.println("planted: " + cause.describe());
    }
    StorageOptions storage = new StorageOptions();
    storage.dataDir = dataDir;
    storage.reportsDir = reportsDir;
    try (var context = ApplicationContexts.start(storage)) {
      var imported = context.getBean(EscalationImporter.class).importFile(data, "native", counts -> { });
      System.out.println("imported: " + imported.counts());
      int exit = RunCommand.report(context.getBean(NightlyRunLauncher.class).run(today, false, true),
          DatabaseName.of(dataDir));
      System.out.printf("demo finished in %.1f s%n", (System.nanoTime() - started) / 1e9);
      return exit;
    }
  }
}
