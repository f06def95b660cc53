package com.escalationrca.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

import com.escalationrca.generate.DatasetWriter;
import com.escalationrca.generate.GeneratorSpec;
import com.escalationrca.generate.GroundTruth;
import com.escalationrca.generate.PlantedCause;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true,
    description = {"Writes realistic synthetic escalations (English, Portuguese, Spanish) with planted root causes.",
        "Writes FILE (JSONL, or CSV when FILE ends in .csv), FILE.truth.json (the planted causes) and",
        "FILE.labels.csv (each escalation's theme). Deterministic for the same options."})
final class GenerateCommand implements Callable<Integer> {

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "The data file to write.")
  Path out;

  @Option(names = "--escalations", defaultValue = "10000", description = "How many escalations (default: ${DEFAULT-VALUE}).")
  long escalations;

  @Option(names = "--days", defaultValue = "60", description = "How many days they span (default: ${DEFAULT-VALUE}).")
  int days;

  @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--end", paramLabel = "YYYY-MM-DD", description = "The last day (default: today, UTC).")
  LocalDate end;

  @Option(names = "--causes", defaultValue = "2", description = "How many root causes to plant (default: ${DEFAULT-VALUE}).")
  int causes;

  @Option(names = "--cases-per-cause", defaultValue = "0",
      description = "Escalations per planted cause (default: about 1.5 %% of the rows, at least 20).")
  int casesPerCause;

  @Option(names = "--cause-theme", paramLabel = "THEME",
      description = {"Plant this theme as a cause (repeatable; the other causes pick random themes).",
          "wrong_policy_applied occurs under every policy: its cause is a vendor × market × policy combination."})
  java.util.List<String> causeThemes = new java.util.ArrayList<>();

  @Option(names = "--cause-shape", defaultValue = "step", paramLabel = "step|ramp",
      description = "step: causes start 3–10 days before the end at a constant rate; ramp: 21–28 days before, rising linearly (default: ${DEFAULT-VALUE}).")
  com.escalationrca.generate.CauseShape causeShape;

  @Override
  public Integer call() {
    LocalDate lastDay = end != null ? end : LocalDate.now(java.time.ZoneOffset.UTC);
    GroundTruth truth = new DatasetWriter().write(
        new GeneratorSpec(escalations, days, seed, lastDay, causes, casesPerCause, causeThemes, causeShape), out);
    System.out.printf("wrote %d escalations to %s (%s to %s)%n", truth.escalations(), out,
        truth.spec().firstDay(), lastDay);
    for (PlantedCause cause : truth.causes()) {
      System.out.println("planted: " + cause.describe());
    }
    System.out.println("ground truth: " + DatasetWriter.truthFile(out));
    return 0;
  }
}
