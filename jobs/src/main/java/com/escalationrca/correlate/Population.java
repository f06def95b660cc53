package com.escalationrca.correlate;

/**
 * A group of escalations whose values are tested for over-representation: a cluster (what the
 * narratives say), or every escalation with one value of a population dimension (policy =
 * private_information: what the escalation was filed under). One problem written many ways
 * scatters over clusters; a structured population holds it whole, so "vendor X misapplies policy Y
 * in market Z" is found whether or not the clustering caught it.
 */
record Population(String key, Part value) {

  /** The cluster id a population-value finding is published under: it belongs to no one cluster. */
  static final String ALL = "all";

  static Population cluster(String clusterId) {
    return new Population(clusterId, null);
  }

  static Population of(Part value) {
    return new Population(value.dimension().name() + "=" + value.value(), value);
  }

  boolean isCluster() {
    return value == null;
  }

  boolean contains(Observation o) {
    return isCluster() ? o.clusterId().equals(key) : value.matches(o);
  }

  /** The dimension that defines the population (none for a cluster). */
  String dimension() {
    return isCluster() ? null : value.dimension().name();
  }

  /** The cluster a finding in this population is published under: the cluster, or {@value #ALL}. */
  String clusterId() {
    return isCluster() ? key : ALL;
  }
}
