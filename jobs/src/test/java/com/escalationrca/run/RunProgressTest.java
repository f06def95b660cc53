package com.escalationrca.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunProgressTest {

  @Test
  void aLogLineSaysHowFarHowFastAndHowLongIsLeft() {
    // 492,500 of 1,000,000 in 120 s: 4,104 a second, 507,500 left, about 124 s = 2 min.
    assertThat(RunProgress.LogLines.line("analyzeStep", 492_500, 1_000_000, 120_000_000_000L))
        .isEqualTo("analyzeStep: 492,500 of 1,000,000 items (49 %), 4,104 items/s, 120 s, about 2 min left");
    assertThat(RunProgress.LogLines.line("embedStep", 300, 1_000, 10_000_000_000L))
        .endsWith("30 items/s, 10 s, about 23 s left");
    // An unknown total has no share and no estimate.
    assertThat(RunProgress.LogLines.line("clusterStep", 0, -1, 2_000_000_000L))
        .isEqualTo("clusterStep: 0 items, 0 items/s, 2 s");
  }
}
