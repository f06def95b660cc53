package com.escalationrca.generate;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes one narrative the way reporters and agents write: an optional opener, the theme's core
 * sentence, sometimes a detail, ticket ids, @handles, URLs, e-mails and phone numbers, a closer,
 * and the occasional typo or all-lowercase message.
 */
final class NarrativeComposer {

  private static final String[] SYLLABLES = {"ka", "lo", "mi", "ra", "zu", "te", "no", "vi", "sa",
      "del", "mar", "tin", "jo", "ber", "li", "an", "go", "re", "pa", "xo"};
  private static final List<String> CONNECTIVE_OPENERS = List.of("that", "que", "says");

  private final Vocabulary vocabulary;

  NarrativeComposer(Vocabulary vocabulary) {
    this.vocabulary = vocabulary;
  }

  String compose(Vocabulary.Theme theme, String language, String market, SplittableRandom random) {
    Vocabulary.Phrasing phrasing = theme.in(language);
    StringBuilder text = new StringBuilder();
    String opener = pick(vocabulary.openers().get(language), random);
    String core = pick(phrasing.core(), random);
    if (!opener.isEmpty()) {
      text.append(opener).append(' ');
      boolean continues = CONNECTIVE_OPENERS.stream().anyMatch(opener::endsWith);
      text.append(continues ? core : capitalize(core));
    } else {
      text.append(capitalize(core));
    }
    text.append(random.nextInt(4) == 0 ? "!" : ".");
    if (random.nextInt(2) == 0) {
      text.append(' ').append(pick(phrasing.detail(), random));
    }
    int entities = random.nextInt(10) < 7 ? 1 : random.nextInt(3) == 0 ? 2 : 0;
    for (int i = 0; i < entities; i++) {
      text.append(' ').append(fill(pick(vocabulary.entities().get(language), random), market, random));
    }
    String closer = pick(vocabulary.closers().get(language), random);
    if (!closer.isEmpty()) {
      text.append(' ').append(closer);
    }
    String narrative = typos(text.toString(), random);
    return random.nextInt(7) == 0 ? narrative.toLowerCase(Locale.ROOT) : narrative;
  }

  private String fill(String template, String market, SplittableRandom random) {
    String handle = "@" + name(random) + (random.nextBoolean() ? "_" + random.nextInt(100) : "");
    return template
        .replace("{ticket}", random.nextBoolean() ? "TCK-" + (100000 + random.nextInt(900000))
            : "#" + (1000000 + random.nextInt(9000000)))
        .replace("{handle}", handle)
        .replace("{url}", "https://social.example.com/" + handle.substring(1) + "/status/"
            + (10_000_000_000L + random.nextLong(90_000_000_000L)))
        .replace("{email}", name(random) + "." + name(random) + random.nextInt(100) + "@mail.example.org")
        .replace("{phone}", phone(market, random));
  }

  private static String phone(String market, SplittableRandom random) {
    return switch (market) {
      case "BR" -> "+55 11 9" + digits(4, random) + "-" + digits(4, random);
      case "MX" -> "+52 55 " + digits(4, random) + " " + digits(4, random);
      case "GB" -> "+44 7700 " + digits(6, random);
      default -> "+1 (555) " + digits(3, random) + "-" + digits(4, random);
    };
  }

  private static String digits(int n, SplittableRandom random) {
    StringBuilder s = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      s.append((char) ('0' + random.nextInt(10)));
    }
    return s.toString();
  }

  private static String name(SplittableRandom random) {
    int parts = 2 + random.nextInt(2);
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < parts; i++) {
      s.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
    }
    return s.toString();
  }

  /** About one word in forty of four letters or more gets two letters swapped or one dropped. */
  private static String typos(String text, SplittableRandom random) {
    String[] words = text.split(" ");
    for (int i = 0; i < words.length; i++) {
      String w = words[i];
      if (w.length() >= 4 && Character.isLetter(w.charAt(1)) && random.nextInt(40) == 0) {
        int at = 1 + random.nextInt(w.length() - 2);
        words[i] = random.nextBoolean()
            ? w.substring(0, at) + w.charAt(at + 1) + w.charAt(at) + w.substring(at + 2)
            : w.substring(0, at) + w.substring(at + 1);
      }
    }
    return String.join(" ", words);
  }

  private static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static String pick(List<String> options, SplittableRandom random) {
    return options.get(random.nextInt(options.size()));
  }
}
