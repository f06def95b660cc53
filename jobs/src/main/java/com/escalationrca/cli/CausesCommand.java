package com.escalationrca.cli;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import java.util.function.Function;

import com.escalationrca.track.CauseEvent;
import com.escalationrca.track.CauseState;
import com.escalationrca.track.TrackedCause;
import com.escalationrca.track.TrackedCauses;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "causes", mixinStandardHelpOptions = true,
    description = {"Causes followed across nights: list them and act on them.",
        "Move them through new → acknowledged (owner) → ticketed (ticket) → resolved (date, note); dismiss a false"
            + " alarm. Every change records who and when."},
    subcommands = {CausesCommand.ListCauses.class, CausesCommand.Show.class, CausesCommand.Ack.class,
        CausesCommand.Link.class, CausesCommand.Resolve.class, CausesCommand.Dismiss.class, CausesCommand.Reopen.class})
final class CausesCommand {


  private static int change(StorageOptions storage, Function<TrackedCauses, TrackedCause> action) {
    try (var context = ApplicationContexts.start(storage)) {
      print(action.apply(context.getBean(TrackedCauses.class)));
    }
    return 0;
  }

  private static void print(TrackedCause c) {
    System.out.printf("#%d  %-12s %s%n", c.id(), c.state().key(), c.summary());
    StringBuilder details = new StringBuilder("     first seen " + c.firstSeen() + ", last seen " + c.lastSeen());
    if (c.owner() != null) {
      details.append(", owner ").append(c.owner());
    }
    if (c.ticket() != null) {
      details.append(", ticket ").append(c.ticket());
    }
    if (c.resolvedOn() != null) {
      details.append(", resolved on ").append(c.resolvedOn());
    }
    if (c.note() != null) {
      details.append(", note: ").append(c.note());
    }
    System.out.println(details);
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists tracked causes, last seen first.")
  static final class ListCauses implements Callable<Integer> {
    @Option(names = "--state", description = "Only this state: new, acknowledged, ticketed, resolved, regressed, dismissed.")
    String state;

    @Mixin
    StorageOptions storage;

    @Override
    public Integer call() {
      CauseState filter = state == null ? null : CauseState.parse(state);
      try (var context = ApplicationContexts.start(storage)) {
        var all = context.getBean(TrackedCauses.class).list(filter);
        all.forEach(CausesCommand::print);
        System.out.printf("%d cause(s)%n", all.size());
      }
      return 0;
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = "Shows a cause, the nights it fired and its history.")
  static final class Show implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ID")
    long id;

    @Mixin
    StorageOptions storage;

    @Override
    public Integer call() {
      try (var context = ApplicationContexts.start(storage)) {
        TrackedCauses causes = context.getBean(TrackedCauses.class);
        print(causes.get(id));
        causes.nights(id).forEach(n -> System.out.printf("     night %s: %d escalations%n", n.getKey(), n.getValue()));
        for (CauseEvent e : causes.events(id)) {
          System.out.printf("     %s  %-14s %-12s %s%n", e.at(), e.actor(), e.action(), e.detail());
        }
      }
      return 0;
    }
  }

  /** A change to one cause: its id, who makes it, and the action. */
  abstract static class Change implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ID")
    long id;

    @Mixin
    Actor actor;

    @Mixin
    StorageOptions storage;

    abstract TrackedCause apply(TrackedCauses causes, String who);

    @Override
    public Integer call() {
      return change(storage, causes -> apply(causes, actor.name()));
    }
  }

  @Command(name = "ack", mixinStandardHelpOptions = true, description = "Acknowledges a cause and names its owner.")
  static final class Ack extends Change {
    @Option(names = "--owner", required = true, description = "Who owns the cause.")
    String owner;

    @Override
    TrackedCause apply(TrackedCauses causes, String who) {
      return causes.acknowledge(id, owner, who);
    }
  }

  @Command(name = "link", mixinStandardHelpOptions = true, description = "Links a cause to a ticket (it becomes ticketed).")
  static final class Link extends Change {
    @Option(names = "--ticket", required = true, description = "The ticket key, e.g. TS-1234.")
    String ticket;

    @Override
    TrackedCause apply(TrackedCauses causes, String who) {
      return causes.link(id, ticket, who);
    }
  }

  @Command(name = "resolve", mixinStandardHelpOptions = true,
      description = "Resolves a cause: reports then measure its volume before and after the date.")
  static final class Resolve extends Change {
    @Option(names = "--note", required = true, description = "What was done.")
    String note;

    @Option(names = "--on", paramLabel = "YYYY-MM-DD", converter = RunDate.class,
        description = "The day the fix took effect (UTC; default: today).")
    LocalDate on;

    @Override
    TrackedCause apply(TrackedCauses causes, String who) {
      return causes.resolve(id, on == null ? LocalDate.now(ZoneOffset.UTC) : on, note, who);
    }
  }

  @Command(name = "dismiss", mixinStandardHelpOptions = true,
      description = "Dismisses a false alarm: it stays in findings.json, flagged, but leaves the top list.")
  static final class Dismiss extends Change {
    @Option(names = "--reason", required = true, description = "Why it is not a problem.")
    String reason;

    @Override
    TrackedCause apply(TrackedCauses causes, String who) {
      return causes.dismiss(id, reason, who);
    }
  }

  @Command(name = "reopen", mixinStandardHelpOptions = true, description = "Reopens a resolved or dismissed cause.")
  static final class Reopen extends Change {
    @Override
    TrackedCause apply(TrackedCauses causes, String who) {
      return causes.reopen(id, who);
    }
  }
}
