package com.escalationrca.correlate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.escalationrca.cluster.Cluster;
import com.escalationrca.ingest.Taxonomy;

/**
 * The run's populations: every cluster (the not-clustered bucket is not one), then every value of
 * each population dimension of the taxonomy, in taxonomy order. Each escalation belongs to its
 * cluster and to one population per population dimension.
 */
final class Populations {

  private final List<Population> all = new ArrayList<>();
  private final int[][] of;
  private final Map<String, List<Observation>> members = new HashMap<>();

  Populations(List<Observation> window, Taxonomy taxonomy) {
    Map<String, Integer> index = new HashMap<>();
    window.stream().map(Observation::clusterId).filter(c -> !c.equals(Cluster.UNCLUSTERED))
        .collect(java.util.stream.Collectors.toCollection(TreeSet::new))
        .forEach(c -> add(Population.cluster(c), index));
    List<Taxonomy.Dimension> dimensions = taxonomy.dimensions().stream().filter(Taxonomy.Dimension::isPopulation).toList();
    for (Taxonomy.Dimension d : dimensions) {
      window.stream().map(o -> o.dimensions().get(d.name())).filter(v -> v != null)
          .collect(java.util.stream.Collectors.toCollection(TreeSet::new))
          .forEach(v -> add(Population.of(new Part(d, v)), index));
    }
    of = new int[window.size()][];
    for (int o = 0; o < window.size(); o++) {
      Observation observation = window.get(o);
      List<Integer> ids = new ArrayList<>(1 + dimensions.size());
      Integer cluster = index.get(observation.clusterId());
      if (cluster != null) {
        ids.add(cluster);
      }
      for (Taxonomy.Dimension d : dimensions) {
        String value = observation.dimensions().get(d.name());
        if (value != null) {
          ids.add(index.get(d.name() + "=" + value));
        }
      }
      of[o] = ids.stream().mapToInt(Integer::intValue).toArray();
      for (int id : of[o]) {
        members.get(all.get(id).key()).add(observation);
      }
    }
  }

  private void add(Population population, Map<String, Integer> index) {
    index.put(population.key(), all.size());
    all.add(population);
    members.put(population.key(), new ArrayList<>());
  }

  List<Population> all() {
    return all;
  }

  /** Indices (into {@link #all()}) of the populations the window's {@code o}-th escalation belongs to. */
  int[] of(int o) {
    return of[o];
  }

  /** The population's escalations, in window order. */
  List<Observation> members(Population population) {
    return members.getOrDefault(population.key(), List.of());
  }
}
