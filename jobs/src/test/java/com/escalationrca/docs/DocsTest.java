package com.escalationrca.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.escalationrca.cli.EscalationRca;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The manual keeps up with the code: every `rca` command and every option of it is described in
 * docs/commands.md, in that command's own section, and every link between README.md and the pages
 * of docs/ (file and heading) resolves. Tests run from the project root.
 */
public class DocsTest {

  private static final Path COMMANDS = Path.of("docs", "commands.md");
  private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)\\]\\(([^)\\s]+)\\)");

  @Test
  void everyCommandAndOptionIsInItsSectionOfTheCommandsPage() throws IOException {
    assertThat(undocumented(EscalationRca.commandLine().getCommandSpec(), "rca", COMMANDS))
        .as("commands and options missing from docs/commands.md").isEmpty();
  }

  /**
   * The subcommands of {@code root} (named {@code prefix …}) and their options that {@code page}
   * does not describe in the command's own section; the bench module checks its page with it.
   */
  public static List<String> undocumented(CommandSpec root, String prefix, Path page) throws IOException {
    List<String> missing = new ArrayList<>();
    commands(root, prefix, missing, Files.readAllLines(page));
    return missing;
  }

  private static void commands(CommandSpec spec, String prefix, List<String> missing, List<String> lines) {
    for (CommandLine sub : spec.subcommands().values()) {
      CommandSpec command = sub.getCommandSpec();
      if (command.userObject() instanceof CommandLine.HelpCommand) {
        continue;
      }
      String name = command.qualifiedName(" ").replaceFirst("^[^ ]+", prefix);
      String section = section(lines, name);
      if (section == null) {
        missing.add(name);
      } else {
        for (OptionSpec option : command.options()) {
          if (!option.usageHelp() && !option.versionHelp() && !section.contains(option.longestName())) {
            missing.add(name + " " + option.longestName());
          }
        }
      }
      commands(command, prefix, missing, lines);
    }
  }

  /**
   * The text under the heading that names the command (or, for a subcommand described with its
   * parent, like `rca users add`, the parent's), up to the next heading; the general options of
   * every stateful command are in the page's opening.
   */
  private static String section(List<String> lines, String command) {
    for (String name = command; name.contains(" "); name = name.substring(0, name.lastIndexOf(' '))) {
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        if (line.startsWith("#") && (line.contains("`" + name + " ") || line.contains("`" + name + "`"))) {
          StringBuilder text = new StringBuilder(line).append('\n');
          for (int j = i + 1; j < lines.size() && !lines.get(j).startsWith("#"); j++) {
            text.append(lines.get(j)).append('\n');
          }
          return text + opening(lines);
        }
      }
    }
    return null;
  }

  private static String opening(List<String> lines) {
    StringBuilder text = new StringBuilder();
    for (int i = 1; i < lines.size() && !lines.get(i).startsWith("#"); i++) {
      text.append(lines.get(i)).append('\n');
    }
    return text.toString();
  }

  @Test
  void everyLinkBetweenThePagesResolves() throws IOException {
    List<Path> pages = new ArrayList<>(List.of(Path.of("README.md")));
    try (Stream<Path> docs = Files.list(Path.of("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    assertThat(pages).hasSizeGreaterThanOrEqualTo(8);
    Map<Path, Set<String>> anchors = new HashMap<>();
    List<String> broken = new ArrayList<>();
    for (Path page : pages) {
      Matcher link = LINK.matcher(Files.readString(page));
      while (link.find()) {
        String target = link.group(2);
        if (target.matches("^[a-z]+:.*")) {
          continue;
        }
        String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
        String anchor = target.contains("#") ? target.substring(target.indexOf('#') + 1) : "";
        Path linked = file.isEmpty() ? page : page.resolveSibling(file).normalize();
        if (!Files.exists(linked)) {
          broken.add(page + ": " + target + " (no such file)");
        } else if (!anchor.isEmpty() && !anchors.computeIfAbsent(linked, DocsTest::anchors).contains(anchor)) {
          broken.add(page + ": " + target + " (no such heading)");
        }
      }
    }
    assertThat(broken).isEmpty();
  }

  /** GitHub's heading anchors: lower case, punctuation dropped, spaces as hyphens, repeats numbered. */
  private static Set<String> anchors(Path page) {
    Set<String> anchors = new LinkedHashSet<>();
    Map<String, Integer> seen = new HashMap<>();
    boolean code = false;
    try {
      for (String line : Files.readAllLines(page)) {
        if (line.startsWith("```")) {
          code = !code;
        }
        Matcher heading = Pattern.compile("^#+\\s+(.*)").matcher(line);
        if (!code && heading.matches()) {
          String slug = heading.group(1).strip().toLowerCase(Locale.ROOT)
              .replaceAll("[^\\p{L}\\p{N}_\\- ]", "").replace(' ', '-');
          int n = seen.merge(slug, 1, Integer::sum) - 1;
          anchors.add(n == 0 ? slug : slug + "-" + n);
        }
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return anchors;
  }

  @Test
  void theReadmeFitsOnAFewScreens() throws IOException {
    assertThat(Files.readAllLines(Path.of("README.md"))).hasSizeLessThanOrEqualTo(250);
  }
}
