package com.escalationrca.correlate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import com.escalationrca.ingest.Taxonomy;

/**
 * Did the narratives of one value change in the last days? A problem moved onto one vendor rarely
 * shows in the vendor's volume (other work there ebbs as it flows) and scatters over clusters and
 * words, none of which rises enough to survive a correction over thousands of tests; but its
 * narratives resemble each other, so the value's recent narratives sit closer to each other than
 * its earlier ones do. This is the k-nearest-neighbour two-sample test (Schilling, 1986; Henze,
 * 1988), within each value:
 * <ul>
 *   <li>points: the value's narratives in the window (a seeded sample of at most {@code maxMembers}),
 *   as IDF-weighted sets of their folded words ({@link NarrativeFeatures}), compared by cosine, so any
 *   language works;</li>
 *   <li>statistic: among the {@code neighbours} nearest neighbours of each recent narrative, how many
 *   are recent too;</li>
 *   <li>null: which of the value's narratives are recent is independent of what they say. The
 *   recent labels are permuted among the value's own narratives, and the p-value is the share of
 *   permutations that score as high (Monte Carlo, exact in level: near-duplicate narratives make the
 *   statistic too lumpy for a normal approximation, which gave p = 1e-5 to values with ten recent
 *   narratives and nothing planted). Conditioning on the value keeps a standing association (a
 *   vendor that always handles more of one problem) from looking like a change.</li>
 * </ul>
 * One test per value with enough recent and earlier narratives to describe a rise, a small family
 * that {@link SurgeDetector} corrects on its own: the words and clusters that say what changed are
 * then chosen among that value's own rises, not corrected over every word of every value.
 */
final class ContentShifts {

  /** A tested value: how many of its narratives were compared, recent among them, and the p-value. */
  record Shift(Part value, int points, int recent, double observed, double expected, double pValue) {
  }

  /** Permutations scoring as high as observed that settle a value's p-value. */
  private static final int SETTLED = 10;
  /**
   * Permutations at most: 2 × values / level, so the smallest attainable p-value is half of what the
   * first rank of Benjamini–Hochberg needs, within these bounds (1e-3 to 1e-4).
   */
  static final int MIN_PERMUTATIONS = 999;
  static final int MAX_PERMUTATIONS = 9_999;

  private final int neighbours;
  private final int maxMembers;
  private final int minSupport;

  ContentShifts(int neighbours, int maxMembers, int minSupport) {
    this.neighbours = neighbours;
    this.maxMembers = maxMembers;
    this.minSupport = minSupport;
  }

  /**
   * Tests each value of the dimensions with at least {@code minSupport} recent and as many earlier
   * narratives holding words.
   */
  List<Shift> test(List<Observation> window, TimeSeries.Split split, List<Taxonomy.Dimension> dimensions,
                   double level) {
    if (neighbours == 0) {
      return List.of();
    }
    NarrativeFeatures features = new NarrativeFeatures(window);
    Map<Part, List<Integer>> byValue = new HashMap<>();
    List<Part> order = new ArrayList<>();
    for (int o = 0; o < window.size(); o++) {
      if (window.get(o).words().vocabulary() == null) {
        continue;
      }
      for (Taxonomy.Dimension d : dimensions) {
        String value = window.get(o).dimensions().get(d.name());
        if (value != null) {
          int at = o;
          byValue.computeIfAbsent(new Part(d, value), p -> {
            order.add(p);
            return new ArrayList<>();
          }).add(at);
        }
      }
    }
    List<Part> tested = order.stream().filter(value -> {
      List<Integer> members = byValue.get(value);
      long recent = members.stream().filter(o -> split.isRecent(window.get(o).day())).count();
      return recent >= minSupport && members.size() - recent >= minSupport;
    }).toList();
    // Enough permutations for the smallest p-value to survive Benjamini–Hochberg over the values alone.
    int most = (int) Math.min(MAX_PERMUTATIONS, Math.max(MIN_PERMUTATIONS, Math.ceil(2 * tested.size() / level)));
    // Values are independent (each seeded by its own key): tested in parallel, in a stable order.
    return tested.parallelStream()
        .map(value -> test(value, sample(byValue.get(value), value), window, split, features, most)).toList();
  }

  private Shift test(Part value, int[] points, List<Observation> window, TimeSeries.Split split,
                     NarrativeFeatures features, int maxPermutations) {
    int n = points.length;
    boolean[] recent = new boolean[n];
    int recentCount = 0;
    for (int i = 0; i < n; i++) {
      recent[i] = split.isRecent(window.get(points[i]).day());
      recentCount += recent[i] ? 1 : 0;
    }
    int[][] nearest = nearest(points, features);
    double observed = statistic(nearest, recent);
    // A sequential Monte Carlo permutation p-value (Besag and Clifford, 1991): permute until
    // SETTLED permutations score as high as observed (p = SETTLED / permutations), or up to
    // maxPermutations (p = (1 + as high) / (1 + permutations)). Exact in level; an unremarkable
    // value is settled in a few dozen permutations, a remarkable one gets enough to survive the
    // correction over values.
    SplittableRandom random = new SplittableRandom(value.key().hashCode());
    boolean[] shuffled = recent.clone();
    double sum = 0;
    int asExtreme = 0;
    int permutations = 0;
    while (permutations < maxPermutations && asExtreme < SETTLED) {
      for (int i = n - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        boolean t = shuffled[i];
        shuffled[i] = shuffled[j];
        shuffled[j] = t;
      }
      double t = statistic(nearest, shuffled);
      sum += t;
      asExtreme += t >= observed ? 1 : 0;
      permutations++;
    }
    double mean = sum / permutations;
    double pValue = asExtreme >= SETTLED ? (double) asExtreme / permutations : (1.0 + asExtreme) / (1.0 + permutations);
    return new Shift(value, n, recentCount, observed, mean, pValue);
  }

  /** Recent narratives' neighbours that are recent too. */
  private static double statistic(int[][] nearest, boolean[] recent) {
    long count = 0;
    for (int i = 0; i < nearest.length; i++) {
      if (recent[i]) {
        for (int j : nearest[i]) {
          count += recent[j] ? 1 : 0;
        }
      }
    }
    return count;
  }

  /** Each point's nearest neighbours among the points (positions into {@code points}), by cosine over an inverted index. */
  private int[][] nearest(int[] points, NarrativeFeatures features) {
    int n = points.length;
    int[][] wordsOf = new int[n][];
    double[][] weightsOf = new double[n][];
    for (int i = 0; i < n; i++) {
      int[] own = features.of(points[i]);
      double[] weights = Arrays.stream(own).mapToDouble(features::idf).toArray();
      double norm = Math.sqrt(Arrays.stream(weights).map(w -> w * w).sum());
      for (int w = 0; norm > 0 && w < weights.length; w++) {
        weights[w] /= norm;
      }
      wordsOf[i] = own;
      weightsOf[i] = weights;
    }
    // Postings as parallel arrays: word → points holding it, with their weights.
    Map<Integer, int[]> pointsOf = new HashMap<>();
    Map<Integer, double[]> weightOf = new HashMap<>();
    Map<Integer, Integer> fill = new HashMap<>();
    for (int i = 0; i < n; i++) {
      for (int c : wordsOf[i]) {
        fill.merge(c, 1, Integer::sum);
      }
    }
    fill.forEach((c, size) -> {
      pointsOf.put(c, new int[size]);
      weightOf.put(c, new double[size]);
    });
    fill.replaceAll((c, size) -> 0);
    for (int i = 0; i < n; i++) {
      for (int w = 0; w < wordsOf[i].length; w++) {
        int c = wordsOf[i][w];
        int at = fill.merge(c, 1, Integer::sum) - 1;
        pointsOf.get(c)[at] = i;
        weightOf.get(c)[at] = weightsOf[i][w];
      }
    }
    int k = Math.min(neighbours, n - 1);
    int[][] nearest = new int[n][];
    double[] score = new double[n];
    for (int i = 0; i < n; i++) {
      Arrays.fill(score, 0);
      for (int w = 0; w < wordsOf[i].length; w++) {
        int[] holders = pointsOf.get(wordsOf[i][w]);
        double[] weights = weightOf.get(wordsOf[i][w]);
        double mine = weightsOf[i][w];
        for (int h = 0; h < holders.length; h++) {
          score[holders[h]] += mine * weights[h];
        }
      }
      score[i] = Double.NEGATIVE_INFINITY;
      nearest[i] = top(score, k, i);
    }
    return nearest;
  }

  /** The {@code k} highest-scoring positions (ties by position, so the choice is repeatable). */
  private static int[] top(double[] score, int k, int self) {
    int[] best = new int[k];
    double[] bestScore = new double[k];
    int size = 0;
    for (int j = 0; j < score.length; j++) {
      if (j == self) {
        continue;
      }
      double s = score[j];
      if (size < k) {
        int at = size++;
        while (at > 0 && bestScore[at - 1] < s) {
          best[at] = best[at - 1];
          bestScore[at] = bestScore[at - 1];
          at--;
        }
        best[at] = j;
        bestScore[at] = s;
      } else if (s > bestScore[k - 1]) {
        int at = k - 1;
        while (at > 0 && bestScore[at - 1] < s) {
          best[at] = best[at - 1];
          bestScore[at] = bestScore[at - 1];
          at--;
        }
        best[at] = j;
        bestScore[at] = s;
      }
    }
    return best;
  }

  /** At most {@code maxMembers} of a value's narratives, drawn with a seed of the value: recent and earlier in proportion. */
  private int[] sample(List<Integer> members, Part value) {
    int[] all = members.stream().mapToInt(Integer::intValue).toArray();
    if (all.length <= maxMembers) {
      return all;
    }
    SplittableRandom random = new SplittableRandom(value.key().hashCode());
    for (int i = 0; i < maxMembers; i++) {
      int j = i + random.nextInt(all.length - i);
      int t = all[i];
      all[i] = all[j];
      all[j] = t;
    }
    int[] chosen = Arrays.copyOf(all, maxMembers);
    Arrays.sort(chosen);
    return chosen;
  }
}
