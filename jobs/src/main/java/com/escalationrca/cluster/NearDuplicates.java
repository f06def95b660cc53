package com.escalationrca.cluster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Finds near-duplicate narratives: copy-pasted templates that differ in a name, a number or a
 * typo. Two term vectors are near-duplicates when the Jaccard similarity of their feature sets is
 * at least the threshold. Candidates come from MinHash signatures (Broder, 1997) split into bands
 * (locality-sensitive hashing, Indyk &amp; Motwani, 1998): pairs that agree on a whole band are
 * checked exactly, so the cost is O(n × hashes × features) plus a bounded number of checks per
 * narrative, never O(n²).
 */
final class NearDuplicates {

  static final int BANDS = 16;
  static final int ROWS = 4;
  /** Leaders checked per band: a long bucket of leaders is a crowd of narratives alike but not near enough. */
  private static final int CANDIDATES_PER_BAND = 16;

  private final double threshold;
  private final long[] salts = new long[BANDS * ROWS];

  NearDuplicates(double threshold, long seed) {
    this.threshold = threshold;
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < salts.length; i++) {
      salts[i] = random.nextLong();
    }
  }

  /**
   * For each vector, the index of its group's leader: the first vector it is a near-duplicate of, or
   * itself. A vector joins a group only when it is near that group's leader, never through a chain
   * of near-duplicates, so a theme of similar narratives cannot collapse into one point.
   */
  int[] groups(SparseVector[] vectors) {
    int[] leader = new int[vectors.length];
    List<Map<BandKey, List<Integer>>> leadersByBand = new ArrayList<>();
    for (int band = 0; band < BANDS; band++) {
      leadersByBand.add(new HashMap<>());
    }
    for (int i = 0; i < vectors.length; i++) {
      leader[i] = i;
      if (vectors[i].indices().length == 0) {
        continue;
      }
      long[] signature = signature(vectors[i].indices());
      int found = -1;
      for (int band = 0; band < BANDS && found < 0; band++) {
        List<Integer> candidates = leadersByBand.get(band).getOrDefault(new BandKey(signature, band), List.of());
        for (int c = 0; c < Math.min(candidates.size(), CANDIDATES_PER_BAND) && found < 0; c++) {
          if (jaccard(vectors[i].indices(), vectors[candidates.get(c)].indices()) >= threshold) {
            found = candidates.get(c);
          }
        }
      }
      if (found >= 0) {
        leader[i] = found;
      } else {
        for (int band = 0; band < BANDS; band++) {
          leadersByBand.get(band).computeIfAbsent(new BandKey(signature, band), k -> new ArrayList<>()).add(i);
        }
      }
    }
    return leader;
  }

  private long[] signature(int[] features) {
    long[] signature = new long[salts.length];
    java.util.Arrays.fill(signature, Long.MAX_VALUE);
    for (int f : features) {
      for (int h = 0; h < salts.length; h++) {
        signature[h] = Math.min(signature[h], mix(f ^ salts[h]));
      }
    }
    return signature;
  }

  /** SplitMix64's finaliser (Steele, Lea &amp; Flood, 2014): one salted hash function per row. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** Jaccard similarity of two sorted index sets. */
  static double jaccard(int[] x, int[] y) {
    int i = 0;
    int j = 0;
    int common = 0;
    while (i < x.length && j < y.length) {
      if (x[i] == y[j]) {
        common++;
        i++;
        j++;
      } else if (x[i] < y[j]) {
        i++;
      } else {
        j++;
      }
    }
    int union = x.length + y.length - common;
    return union == 0 ? 0 : (double) common / union;
  }

  /** One band of a signature, as a hash key. */
  private record BandKey(long[] signature, int band) {

    @Override
    public boolean equals(Object other) {
      if (!(other instanceof BandKey that)) {
        return false;
      }
      for (int r = 0; r < ROWS; r++) {
        if (signature[band * ROWS + r] != that.signature[that.band * ROWS + r]) {
          return false;
        }
      }
      return true;
    }

    @Override
    public int hashCode() {
      int hash = band;
      for (int r = 0; r < ROWS; r++) {
        hash = 31 * hash + Long.hashCode(signature[band * ROWS + r]);
      }
      return hash;
    }
  }
}
