package com.escalationrca.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import picocli.CommandLine;

/**
 * Any command line, made of our commands, options and values mixed with garbage, is either parsed
 * or refused by picocli with a message that names what is wrong (the `error: …` line and exit code
 * 2 of every command); no converter or validation lets another exception escape.
 */
class CommandLineProperties {

  private static final List<String> WORDS = List.of("run", "import", "search", "pull", "serve", "users", "causes",
      "bench", "search", "rca", "generate", "demo", "reindex", "add", "list", "resolve", "jdbc", "jira",
      "--date", "--data-dir", "--reports-dir", "--limit", "--page", "--from", "--to", "--facet", "--similar",
      "--cluster", "--escalations", "--days", "--seed", "--end", "--causes", "--mapping", "--port", "--bind",
      "--role", "--state", "--on", "--full", "--rerun", "--pull", "--confirm-purge", "--json", "--runs", "--sizes",
      "today", "yesterday", "2026-11-20", "2026-02-30", "+999999999-12-31", "-1", "0", "99999999999", "1e9",
      "analyst", "nobody", "C0012", "x.csv", "", " ", "--", "-", "--=", "--date=", "\u0000", "%s", "${env:HOME}");

  @Provide
  Arbitrary<List<String>> arguments() {
    return Arbitraries.oneOf(Arbitraries.of(WORDS), Arbitraries.strings().ofMaxLength(12)).list().ofMaxSize(8);
  }

  @Property(tries = 300)
  void everyCommandLineIsParsedOrRefusedInWords(@ForAll("arguments") List<String> arguments) {
    try {
      EscalationRca.commandLine().parseArgs(arguments.toArray(String[]::new));
    } catch (CommandLine.ParameterException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
  }
}
