package com.escalationrca.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.escalationrca.generate.EscalationGenerator;
import com.escalationrca.generate.GeneratorSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchLimitsTest {

  private static final String REGEX = "/.*e.*/";

  @TempDir
  static Path dir;

  @BeforeAll
  static void indexThreeThousand() {
    List<IndexedEscalation> documents = new ArrayList<>();
    new EscalationGenerator().generate(new GeneratorSpec(3000, 30, 7, LocalDate.of(2026, 11, 20), 2),
        e -> documents.add(new IndexedEscalation(e.id(), e.created(), e.narrative(),
            e.language().substring(0, 2).toLowerCase(), e.dimensions())));
    try (EscalationIndex index = EscalationIndex.open(dir)) {
      index.upsert(documents);
    }
  }

  private static SearchRequest page(String query, int limit, int page) {
    return new SearchRequest(query, null, null, null, null, List.of("vendor"), limit, page);
  }

  @Test
  void theTotalIsExactBeyondTheThousandHitsLuceneCountsExactlyByDefault() {
    try (EscalationSearcher searcher = EscalationSearcher.open(dir)) {
      assertThat(searcher.search(page("*:*", 10, 1)).total()).isEqualTo(3000);
      assertThat(searcher.search(page(REGEX, 10, 1)).total()).isEqualTo(searcher.count(REGEX)).isGreaterThan(1000);
    }
  }

  @Test
  void aSearchPastItsBudgetIsStoppedNotAnsweredInPart() {
    try (EscalationSearcher spent = EscalationSearcher.open(dir, new SearchLimits(Duration.ofNanos(1), 10_000));
         EscalationSearcher generous = EscalationSearcher.open(dir, new SearchLimits(Duration.ofMinutes(1), 10_000));
         EscalationSearcher unbounded = EscalationSearcher.open(dir)) {
      assertThatThrownBy(() -> spent.search(page(REGEX, 10, 1))).isInstanceOf(SearchTimeoutException.class)
          .hasMessageContaining(REGEX).hasMessageContaining("rca.search.timeout");
      assertThatThrownBy(() -> spent.count("address")).isInstanceOf(SearchTimeoutException.class);
      // Within its budget the bounded searcher answers exactly what the unbounded one does.
      SearchResult bounded = generous.search(page(REGEX, 10, 1));
      SearchResult free = unbounded.search(page(REGEX, 10, 1));
      assertThat(bounded.total()).isEqualTo(free.total());
      assertThat(bounded.facets()).isEqualTo(free.facets());
      assertThat(bounded.hits()).extracting(SearchHit::id).isEqualTo(free.hits().stream().map(SearchHit::id).toList());
    }
  }

  @Test
  void aDeadlineIsTheSearchingThreadsOwn() throws Exception {
    try (EscalationSearcher searcher = EscalationSearcher.open(dir, new SearchLimits(Duration.ofMinutes(1), 10_000))) {
      // A search that left its deadline behind on one thread does not stop the next one on another.
      CompletableFuture.runAsync(() -> searcher.search(page("address", 10, 1))).get();
      assertThat(CompletableFuture.supplyAsync(() -> searcher.search(page(REGEX, 10, 1)).total()).get()).isPositive();
      assertThat(searcher.search(page(REGEX, 10, 1)).total()).isPositive();
    }
  }

  @Test
  void pagesPastTheResultWindowAreRefusedBeforeSearching() {
    try (EscalationSearcher searcher = EscalationSearcher.open(dir, new SearchLimits(Duration.ofMinutes(1), 100))) {
      assertThat(searcher.search(page("*:*", 50, 2)).hits()).hasSize(50);
      assertThatThrownBy(() -> searcher.search(page("*:*", 50, 3))).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("reaches result 150").hasMessageContaining("rca.search.max-window");
      assertThatThrownBy(() -> searcher.search(page("*:*", 101, 1))).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
