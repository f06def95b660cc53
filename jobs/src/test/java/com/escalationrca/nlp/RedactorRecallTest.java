package com.escalationrca.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Recall of the redactor on personal data planted in real narratives ({@link PlantedPersonalData}):
 * a plant is caught when none of its secrets is left in the redacted narrative (beyond what the
 * narrative itself held). Prints recall per category and how many untouched narratives lose words
 * to a name or address rule (the cost of over-redaction).
 */
class RedactorRecallTest {

  private final Redactor redactor = new Redactor();

  @Test
  void catchesAtLeastNineteenInTwentyPlantedStrings() throws Exception {
    List<String> narratives = PlantedPersonalData.narratives();
    List<PlantedPersonalData.Plant> plants = PlantedPersonalData.plants(narratives, 4, 7);
    Map<String, int[]> byCategory = new TreeMap<>();
    List<String> missed = new ArrayList<>();
    for (PlantedPersonalData.Plant plant : plants) {
      String redacted = redactor.redact(plant.text());
      String hostRedacted = redactor.redact(plant.host());
      boolean leaked = plant.secrets().stream().anyMatch(s -> count(redacted, s) > count(hostRedacted, s));
      int[] counts = byCategory.computeIfAbsent(plant.category(), c -> new int[2]);
      counts[0]++;
      counts[1] += leaked ? 0 : 1;
      if (leaked) {
        missed.add(plant.category() + ": " + plant.planted());
      }
    }
    int altered = 0;
    for (String narrative : narratives) {
      String redacted = redactor.redact(narrative);
      altered += redacted.contains("[name]") || redacted.contains("[address]") ? 1 : 0;
    }
    int caught = byCategory.values().stream().mapToInt(c -> c[1]).sum();
    System.out.printf(Locale.ROOT, "redactor recall on %d planted strings: %.1f %%%n", plants.size(), 100.0 * caught / plants.size());
    byCategory.forEach((category, c) -> System.out.printf(Locale.ROOT, "  %-18s %3d of %3d%n", category, c[1], c[0]));
    System.out.printf(Locale.ROOT, "narratives given a [name] or [address] with nothing planted: %d of %d%n", altered,
        narratives.size());
    missed.forEach(m -> System.out.println("  missed " + m));

    assertThat(plants).hasSizeGreaterThanOrEqualTo(200);
    assertThat((double) caught / plants.size()).as(String.join("\n", missed)).isGreaterThanOrEqualTo(0.95);
  }

  /** The rules skipped for lack of a clue ('@', digits, a cue word) would not have matched. */
  @Test
  void skipsOnlyRulesThatCouldNotMatch() throws Exception {
    List<String> narratives = PlantedPersonalData.narratives();
    List<String> texts = new ArrayList<>(narratives);
    PlantedPersonalData.plants(narratives, 4, 7).forEach(p -> texts.add(p.text()));
    texts.addAll(List.of("write to maria DOT silva AT gmail DOT com", "Meu nome é joana, CPF 123.456.789-09",
        "visit WWW.example.com or HTTP://x.y/z", "card 4111 1111 1111 1111, SSN 123-45-6789, call +1 (555) 010-9999"));
    int redacted = 0;
    for (String text : texts) {
      String everyRule = redactor.redactByEveryRule(text);
      assertThat(redactor.redact(text)).as(text).isEqualTo(everyRule);
      redacted += everyRule.equals(text) ? 0 : 1;
    }
    assertThat(redacted).as("texts the rules changed").isGreaterThan(texts.size() / 4);
  }

  private static int count(String text, String secret) {
    Matcher m = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(secret.toLowerCase(Locale.ROOT)) + "(?![\\p{L}\\p{N}])")
        .matcher(text.toLowerCase(Locale.ROOT));
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
