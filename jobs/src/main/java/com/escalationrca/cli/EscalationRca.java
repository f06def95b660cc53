package com.escalationrca.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code escalation-rca} command line: one jar, one subcommand per task. */
@Command(name = "escalation-rca", mixinStandardHelpOptions = true, version = "escalation-rca 0.1.0",
    description = "Nightly root-cause analysis of Trust & Safety escalations.",
    subcommands = {DemoCommand.class, GenerateCommand.class, ImportCommand.class, RunCommand.class,
        SearchCommand.class, ReindexCommand.class, PullCommand.class, ServeCommand.class, UsersCommand.class, CausesCommand.class, ExplainCommand.class, EventsCommand.class,
        CommandLine.HelpCommand.class})
public final class EscalationRca {

  public static void main(String[] args) {
    System.exit(commandLine().execute(SettingArguments.apply(args)));
  }

  /** The --data-dir the command was given, or the default. */
  private static java.nio.file.Path dataDir(CommandLine.ParseResult parseResult) {
    CommandLine.ParseResult leaf = parseResult;
    while (leaf.subcommand() != null) {
      leaf = leaf.subcommand();
    }
    Object value = leaf.hasMatchedOption("--data-dir") ? leaf.matchedOption("--data-dir").getValue() : null;
    return java.nio.file.Path.of(value == null ? "data" : value.toString());
  }

  /** The configured command line: errors become one line on stderr and an exit code ({@link ExitCodes}). */
  public static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new EscalationRca());
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
      cmd.getErr().println("error: " + ExitCodes.message(e, DatabaseName.of(dataDir(parseResult))));
      return ExitCodes.of(e);
    });
    return commandLine;
  }
}
