package com.escalationrca.correlate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TimeStatisticsTest {

  @Test
  void theSpikeTestIsTheOneSidedConditionalBinomialTest() {
    // 30 of 40 cell escalations fell in the recent quarter of the volume (p = 0.25).
    // Independently, the exact tail: sum over k = 30..40 of C(40, k) 0.25^k 0.75^(40-k) = 4.630881e-11.
    SpikeTest spike = SpikeTest.of(30, 10, 250, 750);

    assertThat(spike.expectedRecent()).isEqualTo(10.0);
    assertThat(spike.ratio()).isEqualTo(3.0);
    assertThat(spike.pValue()).isCloseTo(4.630881e-11, within(1e-16));
  }

  @Test
  void aWeeklyPatternAloneIsNotASpike() {
    // Cell and total volume share the same weekday pattern; the recent week is one of four.
    double[] weekday = {1.2, 1.15, 1.1, 1.0, 0.95, 0.5, 0.4};
    long cellRecent = 0;
    long cellBaseline = 0;
    long volumeRecent = 0;
    long volumeBaseline = 0;
    for (int day = 0; day < 28; day++) {
      long cell = Math.round(20 * weekday[day % 7]);
      long volume = Math.round(1000 * weekday[day % 7]);
      if (day >= 21) {
        cellRecent += cell;
        volumeRecent += volume;
      } else {
        cellBaseline += cell;
        volumeBaseline += volume;
      }
    }
    assertThat(SpikeTest.of(cellRecent, cellBaseline, volumeRecent, volumeBaseline).pValue()).isGreaterThan(0.3);
  }

  @Test
  void theOnsetIsTheFirstDayOfTheFinalExcess() {
    double[] expected = {5, 5, 5, 5, 5, 5, 5, 5, 5, 5};
    double[] observed = {6, 3, 5, 4, 5, 12, 14, 11, 13, 12};

    assertThat(Onset.of(observed, expected)).isEqualTo(5);
    assertThat(Onset.of(new double[] {5, 5, 5}, new double[] {5, 5, 5})).isEqualTo(-1);
  }

  @Test
  void aSteadilyRisingShareIsATrendAndAWeeklyPatternIsNot() {
    double[] weekday = {1.2, 1.15, 1.1, 1.0, 0.95, 0.5, 0.4};
    long[] volume = new long[28];
    long[] rising = new long[28];
    long[] seasonal = new long[28];
    for (int t = 0; t < 28; t++) {
      volume[t] = Math.round(1000 * weekday[t % 7]);
      rising[t] = Math.round(volume[t] * (0.01 + 0.001 * t));
      seasonal[t] = Math.round(volume[t] * 0.02);
    }
    TrendTest up = TrendTest.of(rising, volume);
    TrendTest flat = TrendTest.of(seasonal, volume);

    assertThat(up.pValue()).isLessThan(1e-6);
    // Share goes from 1 % to 3.7 %: +0.7 percentage points a week on a mean of 2.35 % ≈ +30 %.
    assertThat(up.weeklyChange()).isCloseTo(0.30, within(0.02));
    assertThat(flat.pValue()).isGreaterThan(0.05);
  }

  @Test
  void theTrendTestIsTheOneSidedCochranArmitageTestOnCounts() {
    // Equal volume on days 0..3, cell counts 0, 0, 1, 3. By hand: E[Σ t·x] = 4 × 1.5 = 6,
    // Var = 4 × (3.5 − 1.5²) = 5, Σ t·x = 11, z = (11 − 6 − 0.5) / √5 = 2.01246, p = 0.0220857.
    assertThat(TrendTest.cochranArmitage(new long[] {0, 0, 1, 3}, new long[] {10, 10, 10, 10}))
        .isCloseTo(0.0220857, within(1e-6));
    // Falling counts are no rising trend.
    assertThat(TrendTest.cochranArmitage(new long[] {3, 1, 0, 0}, new long[] {10, 10, 10, 10})).isGreaterThan(0.9);
  }
}
