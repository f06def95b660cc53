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
    assertThat(table.pValue()).isCloseTo(1.07996e-4, within(1e-8));
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
}
