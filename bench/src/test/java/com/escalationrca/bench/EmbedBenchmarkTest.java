package com.escalationrca.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The embed benchmark runs its three contenders on the same chunks and the step's processor on the narratives. */
class EmbedBenchmarkTest {

  @Test
  void everyContenderEmbedsTheSameChunksAndIdenticalNarrativesRunTheModelOnce() throws Exception {
    List<String> narratives = List.of(
        "Someone posted my home address in a reply. The report was closed as no violation.",
        "Someone posted my home address  in a reply.\nThe report was closed as no violation.",
        "The reviewer removed my post about the council meeting as hateful conduct. It quoted the agenda.",
        "Spam links to a crypto giveaway flood the comments. The reports come back as resolved.");

    EmbedBenchmark.Result result = new EmbedBenchmark().run(narratives, 2, 2, 4);

    assertThat(result.contenders()).hasSize(3).allSatisfy(c -> {
      assertThat(c.chunks()).isEqualTo(result.chunks()).isEqualTo(8);
      assertThat(c.chunksPerSecond()).isPositive();
    });
    assertThat(result.distinctNarratives()).isEqualTo(3);
    assertThat(result.modelRuns()).isEqualTo(3);
    // Padded batches move the quantized model's vectors a little, never far.
    assertThat(result.batchedCosineMean()).isBetween(0.95, 1.0001);
  }
}
