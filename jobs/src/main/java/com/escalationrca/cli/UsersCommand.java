package com.escalationrca.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import com.escalationrca.web.security.Account;
import com.escalationrca.web.security.Accounts;
import com.escalationrca.web.security.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "users", mixinStandardHelpOptions = true,
    description = "Manages the local accounts of `serve`: roles analyst, manager, admin.",
    subcommands = {UsersCommand.Add.class, UsersCommand.ListUsers.class, UsersCommand.Remove.class,
        UsersCommand.SetRole.class, UsersCommand.Unlock.class})
final class UsersCommand {

  @Command(name = "add", mixinStandardHelpOptions = true,
      description = {"Adds an account. The password (12 characters or more) is read from standard input,",
          "never from the command line: typed without echo on a terminal, or piped (first line)."})
  static final class Add implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Option(names = "--role", required = true, description = "analyst, manager or admin.")
    String role;

    @Mixin
    StorageOptions storage;

    @Override
    public Integer call() throws IOException {
      Role parsed = Role.parse(role);
      String password = readPassword(name);
      try (var context = ApplicationContexts.start(storage)) {
        context.getBean(Accounts.class).add(name, parsed, password);
      }
      System.out.printf("added %s (%s)%n", name, parsed.key());
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the accounts, their roles and locks.")
  static final class ListUsers implements Callable<Integer> {
    @Mixin
    StorageOptions storage;

    @Override
    public Integer call() {
      try (var context = ApplicationContexts.start(storage)) {
        java.time.Instant now = java.time.Instant.now();
        for (Account a : context.getBean(Accounts.class).list()) {
          System.out.printf("%-24s %-8s %s%n", a.name(), a.role().key(),
              a.lockedAt(now) ? "locked until " + a.lockedUntil() : a.failedAttempts() > 0
                  ? a.failedAttempts() + " failed sign-ins" : "");
        }
      }
      return 0;
    }
  }

  /** A change to one account, by name. */
  abstract static class AccountChange implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Mixin
    StorageOptions storage;

    /** Applies the change; returns what to print. */
    abstract String apply(Accounts accounts);

    @Override
    public Integer call() {
      try (var context = ApplicationContexts.start(storage)) {
        System.out.println(apply(context.getBean(Accounts.class)));
      }
      return 0;
    }
  }

  @Command(name = "remove", mixinStandardHelpOptions = true, description = "Removes an account.")
  static final class Remove extends AccountChange {
    @Override
    String apply(Accounts accounts) {
      accounts.remove(name);
      return "removed " + name;
    }
  }

  @Command(name = "set-role", mixinStandardHelpOptions = true, description = "Changes an account's role.")
  static final class SetRole extends AccountChange {
    @Parameters(index = "1", paramLabel = "ROLE", description = "analyst, manager or admin.")
    String role;

    @Override
    String apply(Accounts accounts) {
      Role parsed = Role.parse(role);
      accounts.setRole(name, parsed);
      return name + " is now " + parsed.key();
    }
  }

  @Command(name = "unlock", mixinStandardHelpOptions = true,
      description = "Clears an account's failed sign-ins and lock before the lockout ends.")
  static final class Unlock extends AccountChange {
    @Override
    String apply(Accounts accounts) {
      accounts.unlock(name);
      return "unlocked " + name;
    }
  }

  private static String readPassword(String name) throws IOException {
    Console console = System.console();
    if (console != null) {
      char[] first = console.readPassword("Password for %s: ", name);
      char[] again = console.readPassword("Again: ");
      if (first == null || again == null || !java.util.Arrays.equals(first, again)) {
        throw new IllegalArgumentException("the two passwords differ");
      }
      return new String(first);
    }
    String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    if (line == null || line.isEmpty()) {
      throw new IllegalArgumentException("no password on standard input; pipe it in, e.g. `printf '%s\\n' \"$PW\" | ... users add "
          + name + " --role analyst`");
    }
    return line;
  }
}
