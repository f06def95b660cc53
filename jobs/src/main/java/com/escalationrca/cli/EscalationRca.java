package com.escalationrca.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code escalation-rca} command line: one jar, one subcommand per task. */
@Command(name = "escalation-rca", mixinStandardHelpOptions = true, version = "escalation-rca 0.1.0",
    description = "Nightly root-cause analysis of Trust & Safety escalations.",
    subcommands = {DemoCommand.class, GenerateCommand.class, ImportCommand.class, RunCommand.class,
        SearchCommand.class, ReindexCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class EscalationRca {

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line: errors become one line on stderr and a non-zero exit code. */
  public static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new EscalationRca());
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
      Throwable reason = e;
      while (reason.getCause() != null && (reason.getMessage() == null || reason instanceof org.springframework.beans.BeansException)) {
        reason = reason.getCause();
      }
      cmd.getErr().println("error: " + reason.getMessage());
      return 1;
    });
    return commandLine;
  }
}
