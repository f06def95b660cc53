package com.escalationrca.correlate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.escalationrca.ingest.Taxonomy;

/**
 * Counts every cell the run can test: each population × one value of any tested dimension, or two
 * or three values of the combine dimensions (vendor ∧ market, vendor ∧ market ∧ channel), per
 * stratum. Profile dimensions take no part: they are what a cluster is.
 *
 * <p>A cell can never hold more escalations than its values share in the window, so value sets
 * rarer than {@code minSupport} are dropped before counting them in populations, and a triple is
 * counted only when each of its three pairs is frequent (Apriori; Agrawal &amp; Srikant, 1994).
 * These rules read the window's margins only, never a cell's count inside a population. Values
 * are packed into longs, 16 bits each, with the population in the top 16 bits; two passes over the
 * window, so the work grows with the data, not with the number of possible combinations.
 */
final class CellCounts {

  private static final int MAX_IDS = 0xFFFF;

  private final CorrelateProperties properties;
  private final Taxonomy taxonomy;

  CellCounts(CorrelateProperties properties, Taxonomy taxonomy) {
    this.properties = properties;
    this.taxonomy = taxonomy;
  }

  /**
   * Every cell whose margins let it reach {@code minSupport}, with its stratified table and the
   * largest lift, in the same population, of its proper subsets (for the rule that a combination
   * must beat its parts).
   */
  List<Candidate> candidates(List<Observation> window, Populations populations) {
    if (populations.all().size() >= MAX_IDS) {
      throw new IllegalStateException("more than " + (MAX_IDS - 1) + " populations cannot be counted");
    }
    Encoding encoding = new Encoding(window);
    int strata = encoding.strata.size();
    long minimum = properties.minSupport();
    int maxSize = properties.maxCombination();
    // Pass 1: window counts of single values and of pairs of combinable values, per stratum.
    Map<Long, long[]> margin = new HashMap<>();
    for (int o = 0; o < window.size(); o++) {
      int[] parts = encoding.parts[o];
      for (int i = 0; i < parts.length; i++) {
        add(margin, key(parts[i]), encoding.stratum[o], strata);
        if (maxSize >= 2 && encoding.combinable(parts[i])) {
          for (int j = i + 1; j < parts.length; j++) {
            if (encoding.combinable(parts[j])) {
              add(margin, key(parts[i], parts[j]), encoding.stratum[o], strata);
            }
          }
        }
      }
    }
    // Pass 2: triples whose pairs are all frequent, and every frequent value set inside each population.
    Map<Long, long[]> inPopulation = new HashMap<>();
    long[][] populationSize = new long[populations.all().size()][strata];
    long[] stratumSize = new long[strata];
    long[] itemsets = new long[64];
    for (int o = 0; o < window.size(); o++) {
      int[] parts = encoding.parts[o];
      int stratum = encoding.stratum[o];
      stratumSize[stratum]++;
      int count = 0;
      for (int i = 0; i < parts.length; i++) {
        long single = key(parts[i]);
        if (frequent(margin, single, minimum)) {
          itemsets = put(itemsets, count++, single);
        }
        if (maxSize < 2 || !encoding.combinable(parts[i])) {
          continue;
        }
        for (int j = i + 1; j < parts.length; j++) {
          long pair = key(parts[i], parts[j]);
          if (!encoding.combinable(parts[j]) || !frequent(margin, pair, minimum)) {
            continue;
          }
          itemsets = put(itemsets, count++, pair);
          for (int k = j + 1; maxSize >= 3 && k < parts.length; k++) {
            if (encoding.combinable(parts[k]) && frequent(margin, key(parts[i], parts[k]), minimum)
                && frequent(margin, key(parts[j], parts[k]), minimum)) {
              long triple = key(parts[i], parts[j], parts[k]);
              add(margin, triple, stratum, strata);
              itemsets = put(itemsets, count++, triple);
            }
          }
        }
      }
      for (int p : populations.of(o)) {
        populationSize[p][stratum]++;
        for (int i = 0; i < count; i++) {
          add(inPopulation, withPopulation(itemsets[i], p), stratum, strata);
        }
      }
    }
    List<Long> frequentSets = margin.keySet().stream().filter(k -> frequent(margin, k, minimum)).sorted().toList();
    List<Candidate> candidates = new ArrayList<>();
    for (int p = 0; p < populations.all().size(); p++) {
      candidates.addAll(evaluate(populations.all().get(p), p, frequentSets, encoding, margin, inPopulation,
          populationSize[p], stratumSize));
    }
    return candidates;
  }

  /** The population's cells: tables for every frequent value set, kept when they can reach min-support. */
  private List<Candidate> evaluate(Population population, int p, List<Long> itemsets, Encoding encoding,
                                              Map<Long, long[]> margin, Map<Long, long[]> inPopulation,
                                              long[] populationSize, long[] stratumSize) {
    int strata = stratumSize.length;
    Map<Long, StratifiedTable> tables = new HashMap<>();
    for (long itemset : itemsets) {
      if (population.dimension() != null && holdsDimension(encoding, itemset, population.dimension())) {
        continue; // "policy = spam ∧ policy = scam" is empty, "policy = spam ∧ policy = spam" is the population
      }
      long[] cell = inPopulation.getOrDefault(withPopulation(itemset, p), new long[strata]);
      long[] values = margin.get(itemset);
      StratifiedTable table = new StratifiedTable();
      for (int s = 0; s < strata; s++) {
        table.add(cell[s], populationSize[s], values[s], stratumSize[s]);
      }
      if (table.expected() > 0) {
        tables.put(itemset, table);
      }
    }
    List<Candidate> candidates = new ArrayList<>();
    tables.forEach((itemset, table) -> {
      if (table.maxObserved() >= properties.minSupport()) {
        candidates.add(new Candidate(population, parts(encoding, itemset), table,
            subsetLift(itemset, tables)));
      }
    });
    candidates.sort(java.util.Comparator.comparing(Candidate::key));
    return candidates;
  }

  /** The largest lift among the proper subsets of a pair or triple; 0 for a single value. */
  private static double subsetLift(long itemset, Map<Long, StratifiedTable> tables) {
    int[] parts = new int[3];
    int size = 0;
    for (int i = 0; i < 3; i++) {
      if (part(itemset, i) >= 0) {
        parts[size++] = part(itemset, i);
      }
    }
    double best = 0;
    for (int mask = 1; mask < (1 << size) - 1; mask++) {
      long subset = 0;
      int position = 0;
      for (int i = 0; i < size; i++) {
        if ((mask & 1 << i) != 0) {
          subset |= (long) (parts[i] + 1) << (16 * position++);
        }
      }
      StratifiedTable table = tables.get(subset);
      // A subset never evaluated counts as unbeaten.
      best = Math.max(best, table == null ? Double.MAX_VALUE : table.observed() / table.expected());
    }
    return best;
  }

  private static boolean holdsDimension(Encoding encoding, long itemset, String dimension) {
    for (int i = 0; i < 3; i++) {
      int part = part(itemset, i);
      if (part >= 0 && encoding.partList.get(part).dimension().name().equals(dimension)) {
        return true;
      }
    }
    return false;
  }

  private static long[] put(long[] array, int index, long value) {
    long[] target = index < array.length ? array : java.util.Arrays.copyOf(array, array.length * 2);
    target[index] = value;
    return target;
  }

  private static boolean frequent(Map<Long, long[]> margin, long key, long minimum) {
    long[] counts = margin.get(key);
    if (counts == null) {
      return false;
    }
    long total = 0;
    for (long c : counts) {
      total += c;
    }
    return total >= minimum;
  }

  private static void add(Map<Long, long[]> counts, long key, int stratum, int strata) {
    counts.computeIfAbsent(key, k -> new long[strata])[stratum]++;
  }

  /** Part ids (0-based, stored 1-based) packed 16 bits each. */
  private static long key(int... parts) {
    long key = 0;
    for (int i = 0; i < parts.length; i++) {
      key |= (long) (parts[i] + 1) << (16 * i);
    }
    return key;
  }

  private static long withPopulation(long itemset, int population) {
    return itemset | (long) (population + 1) << 48;
  }

  private static int part(long itemset, int position) {
    return (int) (itemset >>> (16 * position) & 0xFFFF) - 1;
  }

  private static List<Part> parts(Encoding encoding, long itemset) {
    List<Part> parts = new ArrayList<>(3);
    for (int i = 0; i < 3; i++) {
      int part = part(itemset, i);
      if (part >= 0) {
        parts.add(encoding.partList.get(part));
      }
    }
    return parts;
  }

  /** Dense ids for the window's strata and tested values, and each escalation's values in taxonomy order. */
  private final class Encoding {
    final List<String> strata = new ArrayList<>();
    final List<Part> partList = new ArrayList<>();
    final int[] stratum;
    final int[][] parts;
    private final List<Boolean> combinable = new ArrayList<>();
    private final Map<String, Integer> partIds = new HashMap<>();

    Encoding(List<Observation> window) {
      Map<String, Integer> strataIds = new HashMap<>();
      List<Taxonomy.Dimension> tested = taxonomy.dimensions().stream().filter(d -> !d.isProfile()).toList();
      stratum = new int[window.size()];
      parts = new int[window.size()][];
      int[] buffer = new int[tested.size()];
      for (int o = 0; o < window.size(); o++) {
        Observation observation = window.get(o);
        stratum[o] = strataIds.computeIfAbsent(String.valueOf(observation.dimensions().get(properties.stratifyBy())),
            s -> {
              strata.add(s);
              return strata.size() - 1;
            });
        int n = 0;
        for (Taxonomy.Dimension d : tested) {
          String value = observation.dimensions().get(d.name());
          Integer id = value == null ? null : partId(d, value);
          if (id != null) {
            buffer[n++] = id;
          }
        }
        parts[o] = java.util.Arrays.copyOf(buffer, n);
      }
    }

    boolean combinable(int part) {
      return combinable.get(part);
    }

    private Integer partId(Taxonomy.Dimension dimension, String value) {
      String key = dimension.name() + "\u0001" + value;
      Integer id = partIds.get(key);
      if (id == null && partList.size() < MAX_IDS - 1) {
        id = partList.size();
        partIds.put(key, id);
        partList.add(new Part(dimension, value));
        combinable.add(properties.combineDimensions().contains(dimension.name()));
      }
      return id;
    }
  }
}
