package com.escalationrca.web;

import org.springframework.web.util.HtmlUtils;

/**
 * A highlighted snippet made safe for a page: everything is escaped, then only the highlighter's
 * own {@code <b>} and {@code </b>} come back as tags. A narrative that itself contains "<b>" at
 * worst shows a word in bold; nothing it contains can become a script or an attribute.
 */
public final class Snippet {

  private Snippet() {
  }

  public static String html(String snippet) {
    return HtmlUtils.htmlEscape(snippet == null ? "" : snippet, "UTF-8")
        .replace("&lt;b&gt;", "<b>").replace("&lt;/b&gt;", "</b>");
  }
}
