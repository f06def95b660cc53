package com.escalationrca.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EscalationIndexTest {

  @TempDir
  Path dir;

  private static IndexedEscalation escalation(String id, String narrative, String language, String vendor) {
    return new IndexedEscalation(id, Instant.parse("2026-11-20T10:00:00Z"), narrative, language,
        Map.of("vendor", vendor, "policy", "private_information"));
  }

  @Test
  void updatesByIdSoReindexingDoesNotDuplicate() {
    try (EscalationIndex index = EscalationIndex.open(dir)) {
      index.upsert(List.of(escalation("E1", "home address posted", "en", "Atlas Review")));
      index.upsert(List.of(escalation("E1", "home address posted again", "en", "Atlas Review")));
      assertThat(index.documentCount()).isEqualTo(1);
    }
  }

  @Test
  void findsPhrasesFiltersByVendorStemsPortugueseAndHighlights() {
    try (EscalationIndex index = EscalationIndex.open(dir)) {
      index.upsert(List.of(
          escalation("E1", "Someone posted my home address", "en", "Atlas Review"),
          escalation("E2", "My home address was posted", "en", "Lumen CX"),
          escalation("E3", "As publicações com meu endereço continuam", "pt", "Atlas Review")));
    }
    try (EscalationSearcher searcher = EscalationSearcher.open(dir)) {
      assertThat(searcher.search("\"home address\"", 10)).extracting(SearchHit::id).containsExactlyInAnyOrder("E1", "E2");
      assertThat(searcher.search("\"home address\" AND vendor:\"Atlas Review\"", 10)).extracting(SearchHit::id)
          .containsExactly("E1");
      assertThat(searcher.search("publicação", 10)).extracting(SearchHit::id).containsExactly("E3");
      assertThat(searcher.search("address", 10).get(0).snippet()).contains("<b>address</b>");
      assertThat(searcher.count("id:E2")).isEqualTo(1);
    }
  }

  @Test
  void aBadQueryIsReportedWithTheQuery() {
    try (EscalationIndex index = EscalationIndex.open(dir)) {
      index.upsert(List.of(escalation("E1", "text", "en", "Atlas Review")));
    }
    try (EscalationSearcher searcher = EscalationSearcher.open(dir)) {
      assertThatThrownBy(() -> searcher.search("vendor:(", 10)).hasMessageContaining("cannot parse query 'vendor:('");
    }
  }
}
