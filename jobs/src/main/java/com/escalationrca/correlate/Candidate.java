package com.escalationrca.correlate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.escalationrca.ingest.Taxonomy;

/**
 * A tested cell: a population and one value or a conjunction of values, with its table and the
 * largest lift of its proper subsets in the same population (0 for one value, not known for a cell
 * made by merging or drill-down).
 */
record Candidate(Population population, List<Part> parts, StratifiedTable table, double subsetLift) {

  Candidate {
    parts = List.copyOf(parts);
  }

  /**
   * The cell of these values (put in taxonomy order) in this population, its table counted over
   * the window per stratum.
   */
  static Candidate counted(Population population, List<Part> parts, Taxonomy taxonomy, List<Observation> window,
                           String stratifyBy) {
    Candidate candidate = new Candidate(population, ordered(parts, taxonomy), new StratifiedTable(), Double.NaN);
    Map<String, long[]> strata = new java.util.TreeMap<>();
    for (Observation o : window) {
      // {stratum size, in the population, with the values, both}
      long[] counts = strata.computeIfAbsent(String.valueOf(o.dimensions().get(stratifyBy)), s -> new long[4]);
      boolean inPopulation = population.contains(o);
      boolean matches = candidate.matches(o);
      counts[0]++;
      counts[1] += inPopulation ? 1 : 0;
      counts[2] += matches ? 1 : 0;
      counts[3] += inPopulation && matches ? 1 : 0;
    }
    strata.values().forEach(c -> candidate.table().add(c[3], c[1], c[2], c[0]));
    return candidate;
  }

  static List<Part> ordered(List<Part> parts, Taxonomy taxonomy) {
    List<String> order = taxonomy.names();
    return parts.stream().sorted(Comparator.comparingInt(p -> order.indexOf(p.dimension().name()))).toList();
  }

  /** The values a reader sees: the population's own value (policy = spam) first, then the cell's. */
  List<Part> published() {
    if (population.isCluster()) {
      return parts;
    }
    List<Part> all = new ArrayList<>(parts.size() + 1);
    all.add(population.value());
    all.addAll(parts);
    return all;
  }

  String dimensionName() {
    return published().stream().map(p -> p.dimension().name()).collect(Collectors.joining(Finding.AND));
  }

  String value() {
    return published().stream().map(Part::value).collect(Collectors.joining(Finding.AND));
  }

  /** The cell's identity within its population. */
  String key() {
    return parts.stream().map(Part::key).collect(Collectors.joining("\u0002"));
  }

  double lift() {
    return table.observed() / table.expected();
  }

  /** Whether an escalation of the population holds the cell's values. */
  boolean matches(Observation o) {
    for (Part p : parts) {
      if (!p.matches(o)) {
        return false;
      }
    }
    return true;
  }
}
