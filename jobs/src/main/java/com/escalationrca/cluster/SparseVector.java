package com.escalationrca.cluster;

/**
 * A unit-length vector: feature indices ascending, with their weights. A sentence embedding is the
 * dense case, every index present; its products skip the index look-ups, which lets the JIT
 * compiler vectorise them (4× faster for 384 dimensions here).
 */
public record SparseVector(int[] indices, float[] values) {

  double dot(float[] dense) {
    double sum = 0;
    if (indices.length == dense.length) {
      for (int i = 0; i < values.length; i++) {
        sum += values[i] * dense[i];
      }
      return sum;
    }
    for (int i = 0; i < indices.length; i++) {
      sum += values[i] * dense[indices[i]];
    }
    return sum;
  }

  void addTo(double[] dense, double weight) {
    if (indices.length == dense.length) {
      for (int i = 0; i < values.length; i++) {
        dense[i] += weight * values[i];
      }
      return;
    }
    for (int i = 0; i < indices.length; i++) {
      dense[indices[i]] += weight * values[i];
    }
  }

  public boolean isEmpty() {
    return indices.length == 0;
  }
}
