package com.escalationrca.external;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AdfTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void paragraphsAndBulletListsBecomeADocumentJiraCloudAccepts() {
    JsonNode doc = Adf.document(List.of("First line.", "- A-1: one\n- A-2: two", ""));

    assertThat(doc.path("type").asString()).isEqualTo("doc");
    assertThat(doc.path("version").asInt()).isEqualTo(1);
    assertThat(doc.path("content").get(0).path("type").asString()).isEqualTo("paragraph");
    assertThat(doc.path("content").get(0).path("content").get(0).path("text").asString()).isEqualTo("First line.");
    JsonNode list = doc.path("content").get(1);
    assertThat(list.path("type").asString()).isEqualTo("bulletList");
    assertThat(list.path("content")).hasSize(2);
    assertThat(list.path("content").get(1).path("content").get(0).path("content").get(0).path("text").asString())
        .isEqualTo("A-2: two");
    // An empty paragraph has no content array: JIRA rejects empty text nodes.
    assertThat(doc.path("content").get(2).has("content")).isFalse();
  }

  @Test
  void aDocumentFromJiraFlattensToReadableText() {
    JsonNode doc = JSON.readTree("""
        {"type":"doc","version":1,"content":[
          {"type":"heading","attrs":{"level":2},"content":[{"type":"text","text":"Report"}]},
          {"type":"paragraph","content":[{"type":"text","text":"User "},
            {"type":"mention","attrs":{"id":"42","text":"@Dana"}},{"type":"text","text":" posted my "},
            {"type":"text","text":"home address","marks":[{"type":"strong"}]},{"type":"hardBreak"},
            {"type":"text","text":"again."}]},
          {"type":"bulletList","content":[
            {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"first"}]}]},
            {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"second"}]}]}]},
          {"type":"codeBlock","content":[{"type":"text","text":"x = 1"}]},
          {"type":"mediaSingle","content":[{"type":"media","attrs":{"id":"abc","type":"file"}}]}
        ]}""");

    assertThat(Adf.text(doc)).isEqualTo("Report\nUser @Dana posted my home address\nagain.\nfirst\n\nsecond\n\nx = 1");
    assertThat(Adf.text(JSON.readTree("\"plain description\""))).isEqualTo("plain description");
    assertThat(Adf.text(JSON.nullNode())).isEmpty();
  }
}
