package com.escalationrca.nlp;

import java.util.regex.Pattern;

/**
 * Removes what carries no theme before analysis: URLs, e-mail addresses, @handles, ticket ids,
 * phone and other long numbers. Without this every ticket id becomes a "term" and near-identical
 * templates stop looking alike.
 */
public final class NarrativeCleaner {

  private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S+");
  private static final Pattern EMAIL = Pattern.compile("(?i)[\\p{L}0-9._%+-]+@[\\p{L}0-9.-]+\\.[a-z]{2,}");
  private static final Pattern HANDLE = Pattern.compile("(?<![\\p{L}0-9])@[\\p{L}0-9_]{2,}");
  private static final Pattern TICKET = Pattern.compile("(?i)\\b[a-z]{2,6}-\\d{3,}\\b|#\\d{3,}");
  private static final Pattern NUMBER = Pattern.compile("\\+?\\(?\\d[\\d ()-]{5,}\\d");
  private static final Pattern MASK = Pattern.compile("\\bX{2,}\\b"); // CFPB masks personal data as XXXX
  private static final Pattern SPACES = Pattern.compile("\\s{2,}");

  public String clean(String narrative) {
    String text = URL.matcher(narrative).replaceAll(" ");
    text = EMAIL.matcher(text).replaceAll(" ");
    text = HANDLE.matcher(text).replaceAll(" ");
    text = TICKET.matcher(text).replaceAll(" ");
    text = NUMBER.matcher(text).replaceAll(" ");
    text = MASK.matcher(text).replaceAll(" ");
    return SPACES.matcher(text).replaceAll(" ").strip();
  }
}
