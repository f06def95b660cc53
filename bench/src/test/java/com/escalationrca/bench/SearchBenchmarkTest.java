package com.escalationrca.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark harness measures what it says (no timing targets here: those are for `bench`). */
class SearchBenchmarkTest {

  @TempDir
  Path dir;

  @Test
  void indexesBothWaysAndMeasuresEveryQueryType() {
    SearchBenchmark.Result result = new SearchBenchmark().run(1500, 20, dir, 3, 500);

    assertThat(result.documents()).isEqualTo(1500);
    assertThat(result.oursPerSecond()).isPositive();
    assertThat(result.rawPerSecond()).isPositive();
    assertThat(result.indexBytes()).isPositive();
    assertThat(result.latencies()).extracting(SearchBenchmark.Latency::query)
        .containsExactly("term", "phrase", "boolean + 3 facets", "more-like-this");
    result.latencies().forEach(l -> assertThat(l.p50()).isLessThanOrEqualTo(l.p95()).isLessThanOrEqualTo(l.p99()));
  }

  @Test
  void percentilesAreNearestRank() {
    double[] sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    assertThat(SearchBenchmark.percentile(sorted, 0.5)).isEqualTo(5);
    assertThat(SearchBenchmark.percentile(sorted, 0.95)).isEqualTo(10);
    assertThat(SearchBenchmark.percentile(sorted, 0.01)).isEqualTo(1);
  }
}
