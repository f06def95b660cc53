package com.escalationrca.cli;

import picocli.CommandLine.Option;

/** Who acts, for the commands that record it (causes, events): --as, else the operating-system user. */
final class Actor {

  @Option(names = "--as", paramLabel = "NAME", description = "Who makes the change (default: the system user).")
  String name;

  String name() {
    return name != null ? name : System.getProperty("user.name", "cli");
  }
}
