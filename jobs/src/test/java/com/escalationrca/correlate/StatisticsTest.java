package com.escalationrca.correlate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StatisticsTest {

  @Test
  void benjaminiHochbergMatchesTheWorkedExample() {
    // p-values and BH-adjusted values as computed by R: p.adjust(p, "BH").
    double[] p = {0.01, 0.04, 0.03, 0.005, 0.20};
    double[] q = BenjaminiHochberg.adjust(p);

    assertThat(q).containsExactly(new double[] {0.025, 0.05, 0.05, 0.025, 0.20}, within(1e-12));
  }

  @Test
  void benjaminiHochbergIsMonotoneAndCapped() {
    double[] q = BenjaminiHochberg.adjust(new double[] {0.9, 0.8, 0.95});

    assertThat(q).containsExactly(new double[] {0.95, 0.95, 0.95}, within(1e-12));
  }

  @Test
  void singleStratumCmhEqualsTheContinuityCorrectedChiSquareScaledByNMinusOneOverN() {
    // Table [[20, 80], [10, 190]]: by hand, E(a) = 100*30/300 = 10, Var = 100*200*30*270/(300^2*299)
    // = 6.0200669, CMH = (|20-10|-0.5)^2 / Var = 90.25 / 6.0200669 = 14.991528.
    StratifiedTable table = new StratifiedTable().add(20, 100, 30, 300);

    assertThat(table.expected()).isEqualTo(10.0);
    assertThat(table.statistic()).isCloseTo(14.991528, within(1e-5));
    // Expected 10 is small, so the p-value is Fisher's exact one-sided tail:
    // sum over x = 20..30 of C(30, x) C(270, 100 − x) / C(300, 100) = 8.6039474e-5.
    assertThat(table.pValue()).isCloseTo(8.6039474e-5, within(1e-11));
  }

  @Test
  void largeCellsGetTheOneSidedCmhTest() {
    // Table [[50, 350], [70, 730]]: E(a) = 400*120/1200 = 40, Var = 400*800*120*1080/(1200^2*1199)
    // = 24.020017, CMH = (|50-40|-0.5)^2 / Var = 3.757283; one-sided p = P(chi2_1 > 3.757283) / 2
    // = erfc(sqrt(3.757283 / 2)) / 2 = 0.0262890.
    StratifiedTable table = new StratifiedTable().add(50, 400, 120, 1200);

    assertThat(table.expected()).isEqualTo(40.0);
    assertThat(table.statistic()).isCloseTo(3.757283, within(1e-6));
    assertThat(table.pValue()).isCloseTo(0.0262890, within(1e-7));
  }

  @Test
  void smallCellsGetFishersExactTestTheLadyTastingTea() {
    // Fisher (1935), The Design of Experiments: 8 cups, 4 with milk first, the lady names 4.
    // All 4 right by chance: 1/70; at least 3 right: 17/70.
    assertThat(new StratifiedTable().add(4, 4, 4, 8).pValue()).isCloseTo(1.0 / 70, within(1e-12));
    assertThat(new StratifiedTable().add(3, 4, 4, 8).pValue()).isCloseTo(17.0 / 70, within(1e-12));
  }

  @Test
  void theStratifiedExactTestIsTheConvolutionOfTheStrataEnumeratedByHand() {
    // Strata (cluster 3 of 6, value 2 of 6) and (cluster 2 of 5, value 2 of 5); observed 1 + 2 = 3.
    // Stratum 1: P(0) = C(4,3)/C(6,3) = 4/20, P(1) = 12/20, P(2) = 4/20.
    // Stratum 2: P(0) = C(3,2)/C(5,2) = 3/10, P(1) = 6/10, P(2) = 1/10.
    // P(sum >= 3) = P(1)P(2) + P(2)P(1) + P(2)P(2) = (12 + 24 + 4) / 200 = 0.2.
    StratifiedTable table = new StratifiedTable().add(1, 3, 2, 6).add(2, 2, 2, 5);

    assertThat(table.expected()).isCloseTo(1.0 + 0.8, within(1e-12));
    assertThat(table.pValue()).isCloseTo(0.2, within(1e-12));
  }

  @Test
  void stratificationRemovesAnAssociationThatOnlyComesFromTheStrata() {
    // Within each language the cluster and market BR are independent (40 = 50·80/100 and
    // 1 = 10·10/100), but the cluster is mostly Portuguese, so pooled it looks BR-heavy.
    StratifiedTable stratified = new StratifiedTable()
        .add(40, 50, 80, 100)   // pt
        .add(1, 10, 10, 100);   // en
    StratifiedTable pooled = new StratifiedTable().add(41, 60, 90, 200);

    assertThat(stratified.expected()).isEqualTo(41.0);
    assertThat(stratified.pValue()).isEqualTo(1.0);
    assertThat(pooled.expected()).isEqualTo(27.0);
    assertThat(pooled.pValue()).isLessThan(1e-4);
  }

  @Test
  void liftIntervalIsTheExactPoissonIntervalOverTheExpectedCount() {
    // Garwood 95 % interval for a count of 10: 4.7954 to 18.3904 (published tables).
    LiftInterval lift = LiftInterval.of(10, 2.0, 0.95);

    assertThat(lift.lift()).isEqualTo(5.0);
    assertThat(lift.low()).isCloseTo(4.7954 / 2, within(1e-3));
    assertThat(lift.high()).isCloseTo(18.3904 / 2, within(1e-3));
  }

  @Test
  void theSmallestAttainablePValueIsEveryStratumAtItsMaximum() {
    // Lady tasting tea again: the most extreme table, all 4 right, has probability 1/70.
    StratifiedTable tea = new StratifiedTable().add(1, 4, 4, 8);
    assertThat(tea.maxObserved()).isEqualTo(4);
    assertThat(tea.minimumPValue()).isCloseTo(1.0 / 70, within(1e-12));
    // The two strata enumerated above: P(2) = 4/20 in the first and 1/10 in the second.
    StratifiedTable two = new StratifiedTable().add(1, 3, 2, 6).add(2, 2, 2, 5);
    assertThat(two.maxObserved()).isEqualTo(4);
    assertThat(two.minimumPValue()).isCloseTo(0.2 * 0.1, within(1e-12));
  }

  @Test
  void taroneKeepsOnlyTheTestsThatCanReachTheirShareOfAlpha() {
    // K = 1: 3 tests could reach 0.05; K = 2: 3 could reach 0.025; K = 3: 2 could reach 0.0167 <= 3.
    boolean[] kept = TestSelection.select(new double[] {0.3, 1e-6, 0.02, 0.001, 0.5}, 0.05);

    assertThat(kept).containsExactly(false, true, false, true, false);
    assertThat(TestSelection.select(new double[0], 0.05)).isEmpty();
    assertThat(TestSelection.select(new double[] {0.9}, 0.05)).containsExactly(false);
  }
}
