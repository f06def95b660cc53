package com.escalationrca.correlate;

import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * Is a cell's share of the daily volume rising? Least-squares slope of share against day over the
 * window (days with no volume left out), with the one-sided p-value of the slope's t-test, and the
 * change per week relative to the mean share. Using the share, not the count, keeps weekly
 * seasonality and overall growth out of it.
 */
public record TrendTest(double weeklyChange, double pValue) {

  public static TrendTest of(long[] cell, long[] volume) {
    SimpleRegression regression = new SimpleRegression();
    double shares = 0;
    int days = 0;
    for (int t = 0; t < cell.length; t++) {
      if (volume[t] > 0) {
        double share = (double) cell[t] / volume[t];
        regression.addData(t, share);
        shares += share;
        days++;
      }
    }
    if (days < 3 || shares == 0) {
      return new TrendTest(0, 1.0);
    }
    double slope = regression.getSlope();
    double twoSided = regression.getSignificance();
    if (Double.isNaN(twoSided)) {
      return new TrendTest(0, 1.0);
    }
    double oneSided = slope > 0 ? twoSided / 2 : 1 - twoSided / 2;
    return new TrendTest(slope * 7 / (shares / days), oneSided);
  }
}
