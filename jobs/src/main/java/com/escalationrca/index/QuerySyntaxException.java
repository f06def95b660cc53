package com.escalationrca.index;

/**
 * A query Lucene cannot parse, explained in plain words for the person who typed it (the parser's
 * own message lists grammar tokens nobody should have to read).
 */
public final class QuerySyntaxException extends IllegalArgumentException {

  public QuerySyntaxException(String query, Throwable cause) {
    super(explain(query), cause);
  }

  static String explain(String query) {
    String q = query.strip();
    String reason;
    if (q.chars().filter(c -> c == '"').count() % 2 == 1) {
      reason = "a quotation mark is not closed";
    } else if (depth(q, '(', ')') != 0) {
      reason = depth(q, '(', ')') > 0 ? "a parenthesis is opened but not closed" : "a parenthesis is closed but was never opened";
    } else if (depth(q, '[', ']') != 0 || depth(q, '{', '}') != 0) {
      reason = "a range like [2026-01-01 TO 2026-02-01] is not closed";
    } else if (q.matches("(?s).*\\b(AND|OR|NOT)\\s*$") || q.matches("(?s)^(AND|OR)\\b.*")) {
      reason = "AND, OR and NOT need words on both sides";
    } else if (q.matches("(?s).*[:]\\s*$") || q.matches("(?s).*:\\s+.*") || q.startsWith(":")) {
      reason = "a field name like vendor: must be followed by a value";
    } else if (q.startsWith("*") || q.startsWith("?")) {
      reason = "a word cannot start with * or ?";
    } else {
      reason = "some character has a special meaning there";
    }
    return "Cannot read the query: " + reason + ". Put words with special characters"
        + " (: ( ) [ ] { } ^ ~ * ? \" \\ / + - !) in quotes, or leave them out.";
  }

  private static int depth(String text, char open, char close) {
    int depth = 0;
    boolean quoted = false;
    for (char c : text.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && c == open) {
        depth++;
      } else if (!quoted && c == close) {
        depth--;
      }
    }
    return depth;
  }
}
