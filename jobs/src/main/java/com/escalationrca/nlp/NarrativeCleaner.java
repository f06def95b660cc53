package com.escalationrca.nlp;

import java.util.regex.Pattern;

/**
 * Removes what carries no theme before analysis: personal data (through the {@link Redactor}, so
 * no term or key phrase can ever hold an e-mail, a number or a name), ticket ids, and the CFPB's
 * XXXX masks. Without this every ticket id becomes a "term" and near-identical templates stop
 * looking alike.
 */
public final class NarrativeCleaner {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\[(?:email|url|handle|card|id|phone|number|name)]");
  private static final Pattern TICKET = Pattern.compile("(?i)\\b[a-z]{2,6}-\\d{3,}\\b|#\\d{3,}");
  private static final Pattern MASK = Pattern.compile("\\bX{2,}\\b"); // CFPB masks personal data as XXXX
  private static final Pattern SPACES = Pattern.compile("\\s{2,}");

  private final Redactor redactor = new Redactor();

  public String clean(String narrative) {
    // Each pattern only where its text can be (digits, a bracket, a mask): most narratives have none.
    String text = Redactor.digitRun(narrative) >= 3 ? TICKET.matcher(narrative).replaceAll(" ") : narrative;
    text = redactor.redact(text);
    if (text.indexOf('[') >= 0) {
      text = PLACEHOLDER.matcher(text).replaceAll(" ");
    }
    if (text.contains("XX")) {
      text = MASK.matcher(text).replaceAll(" ");
    }
    return SPACES.matcher(text).replaceAll(" ").strip();
  }
}
