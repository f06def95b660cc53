package com.escalationrca.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
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

  private void indexSix() {
    try (EscalationIndex index = EscalationIndex.open(dir)) {
      index.upsert(List.of(
          dated("E1", "Someone posted my home address and photos of my house", "en", "Atlas Review", "2026-11-01"),
          dated("E2", "My home address was posted by a stranger in replies", "en", "Lumen CX", "2026-11-10"),
          dated("E3", "The account posted the home address of the reporter", "en", "Atlas Review", "2026-11-20"),
          dated("E4", "Crypto giveaway bots reply with a scam link", "en", "Atlas Review", "2026-11-20"),
          dated("E5", "Giveaway bots keep posting the crypto scam link", "en", "Kestrel Trust", "2026-11-21"),
          dated("E6", "A publicação com meu endereço residencial continua no ar", "pt", "Atlas Review", "2026-11-21")));
      index.tagClusters(Map.of("E1", 1, "E2", 1, "E3", 1, "E4", 2, "E5", 2));
    }
  }

  private static IndexedEscalation dated(String id, String narrative, String language, String vendor, String day) {
    return new IndexedEscalation(id, Instant.parse(day + "T12:00:00Z"), narrative, language,
        Map.of("vendor", vendor, "policy", "private_information"));
  }

  private static java.util.List<String> ids(SearchResult result) {
    return result.hits().stream().map(SearchHit::id).toList();
  }

  @Test
  void externalIdsAreEveryMatchUnranked() {
    indexSix();
    try (EscalationSearcher searcher = EscalationSearcher.open(dir)) {
      assertThat(searcher.externalIds("giveaway")).containsExactlyInAnyOrder("E4", "E5");
      assertThat(searcher.externalIds("\"home address\" AND vendor:\"Atlas Review\"")).containsExactlyInAnyOrder("E1", "E3");
      assertThat(searcher.externalIds("nothing-like-this")).isEmpty();
    }
  }

  @Test
  void facetsCountEveryMatchNotOnlyThePage() {
    indexSix();
    try (EscalationSearcher searcher = EscalationSearcher.open(dir)) {
      SearchResult result = searcher.search(new SearchRequest("posted", null, null, null, null,
          List.of("vendor", "detected_language"), 1, 1));

      assertThat(result.total()).isEqualTo(4);
      assertThat(result.hits()).hasSize(1);
      assertThat(result.facets().get("vendor")).containsExactlyInAnyOrderEntriesOf(
          Map.of("Atlas Review", 2L, "Lumen CX", 1L, "Kestrel Trust", 1L));
      assertThat(result.facets().get("detected_language")).containsEntry("en", 4L);
    }
  }

  @Test
  void filtersByDateRangeInclusiveOfBothDays() {
    indexSix();
    try (EscalationSearcher searcher = EscalationSearcher.open(dir)) {
      SearchResult result = searcher.search(new SearchRequest("\"home address\"", LocalDate.of(2026, 11, 10),
          LocalDate.of(2026, 11, 20), null, null, List.of(), 10, 1));

      assertThat(ids(result)).containsExactlyInAnyOrder("E2", "E3");
    }
  }

  @Test
  void filtersByClusterAndShowsEachHitsCluster() {
    indexSix();
    try (EscalationSearcher searcher = EscalationSearcher.open(dir)) {
      SearchResult result = searcher.search(new SearchRequest("bots OR address", null, null, "C0002", null, List.of(), 10, 1));

      assertThat(ids(result)).containsExactlyInAnyOrder("E4", "E5");
      assertThat(result.hits()).extracting(SearchHit::cluster).containsOnly("C0002");
      assertThatThrownBy(() -> searcher.search(new SearchRequest("x", null, null, "twelve", null, List.of(), 10, 1)))
          .hasMessageContaining("not a cluster id");
      // A group of related clusters, as a finding names it: escalations of any of them.
      assertThat(ids(searcher.search(new SearchRequest("bots OR address", null, null, "C0001+C0002", null, List.of(), 10, 1))))
          .containsExactlyInAnyOrder("E1", "E2", "E3", "E4", "E5");
      assertThat(ids(searcher.search(new SearchRequest("bots", null, null, "C0001 C0002", null, List.of(), 10, 1))))
          .containsExactlyInAnyOrder("E4", "E5");
      assertThatThrownBy(() -> searcher.search(new SearchRequest("x", null, null, "C0001+", null, List.of(), 10, 1)))
          .hasMessageContaining("not a cluster id");
    }
  }

  @Test
  void similarFindsTheSameProblemAndNotTheEscalationItself() {
    indexSix();
    try (EscalationSearcher searcher = EscalationSearcher.open(dir)) {
      SearchResult result = searcher.search(new SearchRequest(null, null, null, null, "E4", List.of(), 10, 1));

      assertThat(ids(result)).first().isEqualTo("E5");
      assertThat(ids(result)).doesNotContain("E4");
    }
  }

  @Test
  void pagesDoNotOverlapAndTogetherCoverTheMatches() {
    indexSix();
    try (EscalationSearcher searcher = EscalationSearcher.open(dir)) {
      List<String> first = ids(searcher.search(new SearchRequest("posted OR posting OR publicação", null, null, null, null, List.of(), 2, 1)));
      List<String> second = ids(searcher.search(new SearchRequest("posted OR posting OR publicação", null, null, null, null, List.of(), 2, 2)));
      List<String> third = ids(searcher.search(new SearchRequest("posted OR posting OR publicação", null, null, null, null, List.of(), 2, 3)));

      assertThat(first).hasSize(2).doesNotContainAnyElementsOf(second);
      java.util.Set<String> all = new java.util.HashSet<>(first);
      all.addAll(second);
      all.addAll(third);
      assertThat(all).containsExactlyInAnyOrder("E1", "E2", "E3", "E5", "E6");
    }
  }

  @Test
  void taggingAnIndexWithoutTheClusterFieldIsSkippedNotFatal() {
    try (EscalationIndex index = EscalationIndex.open(dir)) {
      assertThat(index.tagClusters(Map.of("E1", 3))).isFalse();
      index.upsert(List.of(escalation("E1", "text", "en", "Atlas Review")));
      assertThat(index.tagClusters(Map.of("E1", 3))).isTrue();
    }
  }

  @Test
  void aBadQueryIsReportedWithTheQuery() {
    try (EscalationIndex index = EscalationIndex.open(dir)) {
      index.upsert(List.of(escalation("E1", "text", "en", "Atlas Review")));
    }
    try (EscalationSearcher searcher = EscalationSearcher.open(dir)) {
      assertThatThrownBy(() -> searcher.search("vendor:(", 10)).isInstanceOf(com.escalationrca.index.QuerySyntaxException.class).hasMessageContaining("parenthesis is opened but not closed");
    }
  }
}
