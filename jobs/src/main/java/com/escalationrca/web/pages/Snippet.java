package com.escalationrca.web.pages;

import java.util.ArrayList;
import java.util.List;

/**
 * A highlighted snippet as parts for a page: plain text and the words the highlighter marked
 * with {@code <b>…</b>}. Each part is shown with {@code th:text}, so the page escapes everything
 * a narrative holds; only the highlighter's own marks become bold.
 */
public record Snippet(List<Part> parts) {

  /** A stretch of text, highlighted or not. */
  public record Part(String text, boolean highlighted) {
  }

  private static final String OPEN = "<b>";
  private static final String CLOSE = "</b>";

  public static Snippet of(String highlighted) {
    List<Part> parts = new ArrayList<>();
    String text = highlighted == null ? "" : highlighted;
    int at = 0;
    while (at < text.length()) {
      int open = text.indexOf(OPEN, at);
      int close = open < 0 ? -1 : text.indexOf(CLOSE, open + OPEN.length());
      if (open < 0 || close < 0) {
        parts.add(new Part(text.substring(at), false));
        break;
      }
      if (open > at) {
        parts.add(new Part(text.substring(at, open), false));
      }
      parts.add(new Part(text.substring(open + OPEN.length(), close), true));
      at = close + CLOSE.length();
    }
    return new Snippet(List.copyOf(parts));
  }
}
