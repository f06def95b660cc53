package com.escalationrca.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import com.escalationrca.events.Event;
import com.escalationrca.events.EventImport;
import com.escalationrca.events.EventKind;
import com.escalationrca.events.EventStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "events", mixinStandardHelpOptions = true,
    description = {"Events marked on every chart and cited by what began soon after them.",
        "Policy launches and updates, vendor changes, tool releases, outages: a finding or an explanation that began"
            + " within rca.events.lead-days after one concerning its values cites it."},
    subcommands = {EventsCommand.Add.class, EventsCommand.ListEvents.class, EventsCommand.Remove.class,
        EventsCommand.Import.class})
final class EventsCommand {

  private static void print(Event e) {
    System.out.printf("#%-4d %s%s  %-14s %s%s%n", e.id(), e.start(), e.end() == null ? "" : " – " + e.end(), e.kind().key(),
        e.title(), e.where().isEmpty() ? "" : "  [" + e.scope() + "]");
  }

  @Command(name = "add", mixinStandardHelpOptions = true, description = "Records an event.")
  static final class Add implements Callable<Integer> {
    @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "The day it happened (its first day).")
    LocalDate date;

    @Option(names = "--end", paramLabel = "YYYY-MM-DD", description = "Its last day, for one that lasted (an outage).")
    LocalDate end;

    @Option(names = "--title", required = true, paramLabel = "TEXT", description = "What happened, e.g. 'Private information policy v3'.")
    String title;

    @Option(names = "--kind", defaultValue = "other", paramLabel = "KIND",
        description = "policy-launch, policy-update, vendor-change, tool-release, outage or other (default: "
            + "${DEFAULT-VALUE}).")
    String kind;

    @Option(names = "--where", paramLabel = "DIM=VALUE",
        description = "The values it concerns (repeatable), e.g. --where market=BR; none: every escalation.")
    Map<String, String> where = new LinkedHashMap<>();

    @Mixin
    Actor actor;

    @Mixin
    StorageOptions storage;

    @Override
    public Integer call() {
      Event event;
      try {
        event = new Event(0, date, end, title, EventKind.parse(kind), where);
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage());
      }
      try (var context = ApplicationContexts.start(storage)) {
        print(context.getBean(EventStore.class).add(event, actor.name()));
      }
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the events, the latest first.")
  static final class ListEvents implements Callable<Integer> {
    @Mixin
    StorageOptions storage;

    @Override
    public Integer call() {
      try (var context = ApplicationContexts.start(storage)) {
        var all = context.getBean(EventStore.class).all();
        all.forEach(EventsCommand::print);
        System.out.printf("%d event(s)%n", all.size());
      }
      return 0;
    }
  }

  @Command(name = "remove", mixinStandardHelpOptions = true, description = "Removes an event.")
  static final class Remove implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ID")
    long id;

    @Mixin
    StorageOptions storage;

    @Override
    public Integer call() {
      try (var context = ApplicationContexts.start(storage)) {
        Event removed;
        try {
          removed = context.getBean(EventStore.class).remove(id);
        } catch (IllegalArgumentException e) {
          throw new UsageException(e.getMessage());
        }
        System.out.print("removed ");
        print(removed);
      }
      return 0;
    }
  }

  @Command(name = "import", mixinStandardHelpOptions = true,
      description = "Records the events of a CSV file with the header date,end,title,kind,where (end and where "
          + "may be empty; where: DIM=VALUE pairs separated by ';'). Rows that cannot be read are "
          + "listed with their line and reason, and none of them is recorded (exit 2); the others are.")
  static final class Import implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE.csv")
    Path file;

    @Mixin
    Actor actor;

    @Mixin
    StorageOptions storage;

    @Override
    public Integer call() throws IOException {
      if (!Files.isRegularFile(file)) {
        throw new UsageException("no file " + file);
      }
      EventImport.Read read;
      try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        read = EventImport.read(in);
      } catch (IllegalArgumentException e) {
        throw new UsageException(file + ": " + e.getMessage());
      }
      try (var context = ApplicationContexts.start(storage)) {
        EventStore store = context.getBean(EventStore.class);
        String who = actor.name();
        read.events().forEach(e -> print(store.add(e, who)));
      }
      read.rejected().forEach(r -> System.out.println("rejected " + r));
      System.out.printf("%d row(s): %d event(s) recorded, %d rejected%n", read.events().size() + read.rejected().size(),
          read.events().size(), read.rejected().size());
      return read.rejected().isEmpty() ? 0 : ExitCodes.USAGE;
    }
  }
}
