package com.escalationrca.correlate;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import com.escalationrca.nlp.Redactor;

/** How findings are said in words: their summaries, the phrases naming values, dates and q values. */
final class FindingText {

  private static final Redactor REDACTOR = new Redactor();

  private FindingText() {
  }

  /** How a summary names the escalations: "'doxxing' escalations", or "Escalations" for a population value. */
  static String subject(Population population, String label) {
    return population.isCluster() ? "'" + published(label) + "' escalations" : "Escalations";
  }

  /**
   * A value or label as every published text shows it: summaries are stored once and then go to
   * reports, tickets, chat, mail and pages, so they are made of redacted parts here, like the
   * excerpts (an e-mail address typed into a vendor field never reaches a JIRA summary).
   */
  static String published(String text) {
    return REDACTOR.redact(text);
  }

  /** "'doxxing' escalations from vendor A in market X are 4.8× expected (…)", with its onset and trend. */
  static String summary(String subject, List<Part> parts, double lift, long observed, double expected, double q,
                        LocalDate since, SpikeTest spike, TrendTest rising) {
    String text = String.format(Locale.ROOT, "%s %s are %.1f× expected (%d vs %.0f, q %s)",
        subject, phrase(parts), lift, observed, expected, formatQ(q));
    if (rising != null && rising.weeklyChange() > 0) {
      text += String.format(Locale.ROOT, ", their share rising %.0f %% a week", rising.weeklyChange() * 100);
    }
    if (since == null) {
      return text;
    }
    return String.format(Locale.ROOT, "Since %s, %s%s; %.1f× their usual share in the last days (%d vs %.0f)",
        day(since), Character.toLowerCase(text.charAt(0)), text.substring(1), spike.ratio(), spike.recent(),
        spike.expectedRecent());
  }

  /** "under policy spam from vendor Atlas in market BR". */
  static String phrase(List<Part> parts) {
    return parts.stream().map(p -> p.dimension().phrase() + " " + (p.dimension() == WordRises.WORDS
        ? "'" + published(p.value()) + "'" : published(p.value()))).collect(Collectors.joining(" "));
  }

  static String day(LocalDate date) {
    return date.format(DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH));
  }

  static String formatQ(double q) {
    if (q < 1e-9) {
      return "< 1e-9";
    }
    return q < 0.001 ? String.format(Locale.ROOT, "= %.1e", q) : String.format(Locale.ROOT, "= %.3f", q);
  }
}
