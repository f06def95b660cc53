package com.escalationrca.correlate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.escalationrca.ingest.Taxonomy;

/**
 * Merges findings of one population (a cluster, or a policy) that describe the same escalations. When a cause dominates its
 * cluster, its vendor alone and its market alone pick out nearly the same rows, and neither pair
 * beats its parts; a reader should see one finding, "from vendor Lumen CX in market PT", not two.
 * Two findings merge into the conjunction of their values when each covers at least
 * {@link #OVERLAP} of the other's escalations, their dimensions do not clash and the conjunction
 * has at most {@code maxCombination} values; merging repeats until nothing merges. The merged
 * finding's q-value is the larger of its members': both tests stand behind it.
 */
final class FindingMerger {

  static final double OVERLAP = 0.75;

  private final CorrelateProperties properties;
  private final Taxonomy taxonomy;

  FindingMerger(CorrelateProperties properties, Taxonomy taxonomy) {
    this.properties = properties;
    this.taxonomy = taxonomy;
  }

  List<ContextQualifier.Qualified> merge(List<ContextQualifier.Qualified> findings, Populations populations,
                                         List<Observation> window) {
    Map<Population, List<ContextQualifier.Qualified>> byPopulation = findings.stream()
        .collect(Collectors.groupingBy(f -> f.candidate().population(), java.util.LinkedHashMap::new, Collectors.toList()));
    List<ContextQualifier.Qualified> merged = new ArrayList<>();
    byPopulation.forEach((population, list) ->
        merged.addAll(mergeWithin(new ArrayList<>(list), populations.members(population), window)));
    return merged;
  }

  private List<ContextQualifier.Qualified> mergeWithin(List<ContextQualifier.Qualified> findings,
                                                       List<Observation> members, List<Observation> window) {
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int i = 0; i < findings.size() && !changed; i++) {
        for (int j = i + 1; j < findings.size() && !changed; j++) {
          List<Part> union = union(findings.get(i).candidate(), findings.get(j).candidate());
          if (union == null || !sameEscalations(findings.get(i).candidate(), findings.get(j).candidate(), members)) {
            continue;
          }
          Candidate conjunction = Candidate.counted(findings.get(i).candidate().population(),
              union, taxonomy, window, properties.stratifyBy());
          if (conjunction.table().observed() < properties.minSupport()) {
            continue;
          }
          double q = Math.max(findings.get(i).qValue(), findings.get(j).qValue());
          ContextQualifier.Qualified replacement = new ContextQualifier.Qualified(conjunction, q);
          findings.remove(j);
          findings.set(i, replacement);
          // A finding that now only repeats the conjunction goes too.
          findings.removeIf(f -> f != replacement && f.candidate().key().equals(conjunction.key()));
          changed = true;
        }
      }
    }
    return findings;
  }

  /** The two findings' values together, or null when they clash or are too many. */
  private List<Part> union(Candidate a, Candidate b) {
    Map<String, String> values = new java.util.HashMap<>();
    for (Part p : a.parts()) {
      values.put(p.dimension().name(), p.value());
    }
    List<Part> parts = new ArrayList<>(a.parts());
    for (Part p : b.parts()) {
      String existing = values.get(p.dimension().name());
      if (existing != null && !existing.equals(p.value())) {
        return null;
      }
      if (existing == null) {
        parts.add(p);
      }
    }
    return parts.size() > properties.maxCombination() ? null : parts;
  }

  private static boolean sameEscalations(Candidate a, Candidate b, List<Observation> members) {
    Set<String> inA = new HashSet<>();
    Set<String> inB = new HashSet<>();
    for (Observation o : members) {
      if (a.matches(o)) {
        inA.add(o.externalId());
      }
      if (b.matches(o)) {
        inB.add(o.externalId());
      }
    }
    long both = inA.stream().filter(inB::contains).count();
    return !inA.isEmpty() && !inB.isEmpty()
        && both >= OVERLAP * inA.size() && both >= OVERLAP * inB.size();
  }
}
