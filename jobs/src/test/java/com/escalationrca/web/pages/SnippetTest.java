package com.escalationrca.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SnippetTest {

  @Test
  void theHighlightersMarksBecomeHighlightedPartsAndEverythingElseStaysText() {
    assertThat(Snippet.of("the home <b>address</b> was <b>posted</b>.").parts()).containsExactly(
        new Snippet.Part("the home ", false), new Snippet.Part("address", true), new Snippet.Part(" was ", false),
        new Snippet.Part("posted", true), new Snippet.Part(".", false));
  }

  @Test
  void markupInANarrativeIsJustText() {
    List<Snippet.Part> parts = Snippet.of("<script>alert(1)</script> and <b>address</b> <img src=x").parts();

    assertThat(parts).containsExactly(new Snippet.Part("<script>alert(1)</script> and ", false),
        new Snippet.Part("address", true), new Snippet.Part(" <img src=x", false));
    assertThat(Snippet.of("an unclosed <b>mark").parts()).containsExactly(new Snippet.Part("an unclosed <b>mark", false));
    assertThat(Snippet.of(null).parts()).isEmpty();
  }
}
