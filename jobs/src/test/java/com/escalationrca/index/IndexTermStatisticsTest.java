package com.escalationrca.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.escalationrca.cluster.TermStatistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexTermStatisticsTest {

  @TempDir
  Path dir;

  private static IndexedEscalation escalation(String id, String narrative, String language) {
    return new IndexedEscalation(id, Instant.parse("2026-11-20T10:00:00Z"), narrative, language, Map.of("vendor", "A"));
  }

  @Test
  void idfComesFromTheLanguagesFieldWithTheTermAnalysedAsTheIndexDoes() {
    List<IndexedEscalation> escalations = new ArrayList<>();
    // 10 English narratives, 2 of them about a posted address; 3 Portuguese, 1 with "publicações".
    for (int i = 0; i < 8; i++) {
      escalations.add(escalation("E" + i, "crypto giveaway bots reply with a scam link", "en"));
    }
    escalations.add(escalation("E8", "someone posted my home address", "en"));
    escalations.add(escalation("E9", "they keep posting the address of my house", "en"));
    escalations.add(escalation("P1", "as publicações com meu endereço continuam", "pt"));
    escalations.add(escalation("P2", "golpe de criptomoeda nas respostas", "pt"));
    escalations.add(escalation("P3", "golpe de criptomoeda de novo", "pt"));
    try (EscalationIndex index = EscalationIndex.open(dir)) {
      index.upsert(escalations);
    }

    try (TermStatistics statistics = IndexTermStatistics.open(dir)) {
      // The lemma "post" meets the index's stem of "posted" and "posting": df 2 of N = 10.
      assertThat(statistics.idf("post", "en").orElseThrow()).isCloseTo(Math.log(11.0 / 3) + 1, within(1e-12));
      // Portuguese singular against the plural in the index: df 1 of N = 3.
      assertThat(statistics.idf("publicação", "pt").orElseThrow()).isCloseTo(Math.log(4.0 / 2) + 1, within(1e-12));
      // A stop word has no statistics; the window's count is used instead.
      assertThat(statistics.idf("the", "en")).isEmpty();
    }
  }

  @Test
  void noIndexYetMeansWindowStatisticsOnly() {
    assertThat(IndexTermStatistics.open(dir.resolve("missing"))).isSameAs(TermStatistics.WINDOW_ONLY);
  }
}
