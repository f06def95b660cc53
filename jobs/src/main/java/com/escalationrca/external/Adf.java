package com.escalationrca.external;

import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Atlassian Document Format, the JSON JIRA Cloud's REST v3 takes and returns for rich text: built
 * from paragraphs and bullet lists when publishing, flattened to plain text when pulling.
 */
public final class Adf {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private Adf() {
  }

  /** A document of paragraphs; a paragraph whose lines all start with "- " becomes a bullet list. */
  public static ObjectNode document(List<String> paragraphs) {
    ObjectNode doc = JSON.createObjectNode().put("type", "doc").put("version", 1);
    ArrayNode content = doc.putArray("content");
    for (String paragraph : paragraphs) {
      List<String> lines = paragraph.lines().toList();
      if (!lines.isEmpty() && lines.stream().allMatch(l -> l.startsWith("- "))) {
        ArrayNode items = content.addObject().put("type", "bulletList").putArray("content");
        for (String line : lines) {
          items.addObject().put("type", "listItem").putArray("content").add(paragraph(line.substring(2)));
        }
      } else {
        content.add(paragraph(paragraph));
      }
    }
    return doc;
  }

  private static ObjectNode paragraph(String text) {
    ObjectNode p = JSON.createObjectNode().put("type", "paragraph");
    if (!text.isEmpty()) {
      p.putArray("content").addObject().put("type", "text").put("text", text);
    }
    return p;
  }

  /**
   * The plain text of a document: text nodes in order, a line break after each paragraph, heading,
   * list item, code block or quote, "@name" for mentions; anything unknown contributes its children.
   */
  public static String text(JsonNode node) {
    StringBuilder out = new StringBuilder();
    append(node, out);
    return out.toString().replaceAll("\n{3,}", "\n\n").strip();
  }

  private static void append(JsonNode node, StringBuilder out) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return;
    }
    if (node.isString()) {
      out.append(node.asString());
      return;
    }
    String type = node.path("type").asString("");
    switch (type) {
      case "text" -> out.append(node.path("text").asString(""));
      case "hardBreak" -> out.append('\n');
      case "mention" -> out.append(node.path("attrs").path("text").asString("@someone"));
      case "emoji" -> out.append(node.path("attrs").path("text").asString(""));
      case "inlineCard" -> out.append(node.path("attrs").path("url").asString(""));
      default -> {
        for (JsonNode child : node.path("content")) {
          append(child, out);
        }
        if (List.of("paragraph", "heading", "listItem", "codeBlock", "blockquote", "rule", "tableRow").contains(type)) {
          out.append('\n');
        }
      }
    }
  }
}
