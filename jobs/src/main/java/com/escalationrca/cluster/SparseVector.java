package com.escalationrca.cluster;

/** A unit-length sparse vector: feature indices ascending, with their weights. */
record SparseVector(int[] indices, float[] values) {

  double dot(float[] dense) {
    double sum = 0;
    for (int i = 0; i < indices.length; i++) {
      sum += values[i] * dense[indices[i]];
    }
    return sum;
  }

  void addTo(double[] dense, double weight) {
    for (int i = 0; i < indices.length; i++) {
      dense[indices[i]] += weight * values[i];
    }
  }

  boolean isEmpty() {
    return indices.length == 0;
  }
}
