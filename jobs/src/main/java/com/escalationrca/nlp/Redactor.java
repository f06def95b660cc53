package com.escalationrca.nlp;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces personal data with placeholders: e-mail addresses, URLs (which carry user ids),
 * @handles, card-like numbers, national-id-like numbers, phone numbers and person names introduced
 * by a cue ("my name is", "Mr.", "meu nome é", "me llamo"…). OpenNLP publishes no name-finder
 * model on Maven Central, so names are found by these cues; over-redaction is the safe side.
 * Everything the job publishes passes through here; the search index keeps the original.
 */
public final class Redactor {

  private record Rule(Pattern pattern, String placeholder) {
  }

  private static final List<Rule> RULES = List.of(
      new Rule(Pattern.compile("(?i)[\\p{L}0-9._%+-]+@[\\p{L}0-9.-]+\\.[a-z]{2,}"), "[email]"),
      new Rule(Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S+"), "[url]"),
      new Rule(Pattern.compile("(?<![\\p{L}0-9])@[\\p{L}0-9_]{2,}"), "[handle]"),
      // Payment cards: 13–19 digits in groups of four, with or without separators.
      new Rule(Pattern.compile("\\b(?:\\d{4}[ -]?){3}\\d{1,7}\\b"), "[card]"),
      // US SSN, Brazilian CPF, and other dotted or dashed id-like numbers.
      new Rule(Pattern.compile("\\b\\d{3}-\\d{2}-\\d{4}\\b|\\b\\d{3}\\.\\d{3}\\.\\d{3}-\\d{2}\\b"), "[id]"),
      // Account and other long plain numbers, before phones so they keep their own placeholder.
      new Rule(Pattern.compile("\\b\\d{6,}\\b"), "[number]"),
      new Rule(Pattern.compile("\\+?\\(?\\d[\\d ().-]{5,}\\d"), "[phone]"));

  /** A cue, then one to three capitalised words: the name. */
  private static final Pattern NAME = Pattern.compile(
      "((?i:my name is|my name's|i am|i'm|named|called|mr\\.?|mrs\\.?|ms\\.?|miss|dr\\.?"
          + "|meu nome é|me chamo|chamado|chamada|sr\\.?|sra\\.?|me llamo|mi nombre es|llamado|llamada)\\s+)"
          + "(\\p{Lu}[\\p{L}'-]+(?:\\s+\\p{Lu}[\\p{L}'-]+){0,2})");

  public String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String result = text;
    for (Rule rule : RULES) {
      result = rule.pattern().matcher(result).replaceAll(Matcher.quoteReplacement(rule.placeholder()));
    }
    return NAME.matcher(result).replaceAll("$1[name]");
  }
}
