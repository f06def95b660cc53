package com.escalationrca.correlate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.escalationrca.ingest.Taxonomy;
import org.apache.commons.math3.distribution.HypergeometricDistribution;

/**
 * Drills a finding down into a context value (its policy) when the finding's escalations single one
 * out: "vendor Atlas in BR" in a cluster about misapplied policies becomes "policy
 * private_information ∧ vendor Atlas ∧ market BR" when, within that cluster, Atlas-in-BR
 * escalations are private-information ones far more often than the cluster's other escalations.
 *
 * <p>The test compares the cell with the rest of its own cluster, not with the window: a cluster
 * about one policy has that policy inside and outside the cell, so its findings are never
 * qualified with it, while a cause planted in one policy of a cross-policy problem is, however
 * much of its cluster it makes up. One-sided Fisher exact test on (cell / rest of cluster) ×
 * (value / other values); the value is the cell's most common one, so its p-value is multiplied by
 * the number of values the dimension takes in the cluster (Bonferroni), then Benjamini–Hochberg
 * runs over all findings of the run.
 */
final class ContextQualifier {

  /** A finding after drill-down: the same candidate, or one with its context value added. */
  record Qualified(Candidate candidate, double qValue) {
  }

  private final CorrelateProperties properties;
  private final Taxonomy taxonomy;

  ContextQualifier(CorrelateProperties properties, Taxonomy taxonomy) {
    this.properties = properties;
    this.taxonomy = taxonomy;
  }

  /**
   * @param findings significant candidates, each with the q-value of its own test
   * @param populations the window's populations; only clusters are drilled down (a policy
   *     population has its policy already)
   * @param window every escalation of the window (for the qualified cell's margins)
   */
  List<Qualified> qualify(List<Qualified> findings, Populations populations, List<Observation> window) {
    List<Proposal> proposals = findings.stream()
        .map(f -> f.candidate().population().isCluster()
            ? propose(f.candidate(), populations.members(f.candidate().population())) : null)
        .toList();
    double[] q = BenjaminiHochberg.adjust(proposals.stream().mapToDouble(p -> p == null ? 1.0 : p.pValue()).toArray());
    List<Qualified> result = new ArrayList<>();
    for (int i = 0; i < findings.size(); i++) {
      Proposal proposal = proposals.get(i);
      Qualified finding = findings.get(i);
      if (proposal == null || q[i] >= properties.alpha() || proposal.inCell() < properties.minSupport()) {
        result.add(finding);
        continue;
      }
      Candidate qualified = withPart(finding.candidate(), proposal.part(), window);
      // Both tests stand behind the qualified finding: report the weaker of the two.
      result.add(new Qualified(qualified, Math.max(finding.qValue(), q[i])));
    }
    return result;
  }

  /** The context value the cell's escalations most single out, with its adjusted p-value. */
  private Proposal propose(Candidate candidate, List<Observation> cluster) {
    Proposal best = null;
    for (String dimensionName : properties.contextDimensions()) {
      Taxonomy.Dimension dimension = taxonomy.dimension(dimensionName);
      if (candidate.published().stream().anyMatch(p -> p.dimension().name().equals(dimensionName))) {
        continue;
      }
      Map<String, Long> inCell = cluster.stream().filter(candidate::matches)
          .map(o -> o.dimensions().get(dimensionName)).filter(v -> v != null)
          .collect(Collectors.groupingBy(v -> v, Collectors.counting()));
      Map<String, Long> inCluster = cluster.stream().map(o -> o.dimensions().get(dimensionName)).filter(v -> v != null)
          .collect(Collectors.groupingBy(v -> v, Collectors.counting()));
      var top = inCell.entrySet().stream()
          .max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())));
      if (top.isEmpty()) {
        continue;
      }
      long cellSize = inCell.values().stream().mapToLong(Long::longValue).sum();
      long clusterSize = inCluster.values().stream().mapToLong(Long::longValue).sum();
      long withValue = inCluster.get(top.get().getKey());
      double p = Math.min(1.0, fisherGreater(top.get().getValue(), cellSize, withValue, clusterSize)
          * inCluster.size() * properties.contextDimensions().size());
      if (best == null || p < best.pValue()) {
        best = new Proposal(new Part(dimension, top.get().getKey()), top.get().getValue(), p);
      }
    }
    return best;
  }

  /**
   * One-sided Fisher exact test: the chance that a cell of {@code cellSize} drawn from a cluster of
   * {@code clusterSize}, {@code withValue} of which have the value, holds {@code inCellWithValue} or
   * more of them (hypergeometric upper tail).
   */
  static double fisherGreater(long inCellWithValue, long cellSize, long withValue, long clusterSize) {
    if (cellSize == 0 || cellSize == clusterSize || withValue == 0) {
      return 1.0;
    }
    return new HypergeometricDistribution(null, (int) clusterSize, (int) withValue, (int) cellSize)
        .upperCumulativeProbability((int) inCellWithValue);
  }

  /** The candidate with one more part, its table counted over the window. */
  private Candidate withPart(Candidate candidate, Part part, List<Observation> window) {
    List<Part> parts = new ArrayList<>(candidate.parts());
    parts.add(part);
    return Candidate.counted(candidate.population(), parts, taxonomy, window, properties.stratifyBy());
  }

  private record Proposal(Part part, long inCell, double pValue) {
  }
}
