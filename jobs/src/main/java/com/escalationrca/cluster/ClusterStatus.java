package com.escalationrca.cluster;

/** How a cluster relates to the previous night's clusters. */
public enum ClusterStatus {
  /** No previous cluster is similar enough. */
  NEW,
  /** Matched one previous cluster and has grown by at least a quarter. */
  GROWING,
  /** Matched one previous cluster, size within ±20 %. */
  STABLE,
  /** Matched one previous cluster and has shrunk by at least a fifth. */
  SHRINKING,
  /** Two or more previous clusters are now this one; it keeps the id of the most similar. */
  MERGED,
  /** One previous cluster is now several; the most similar keeps its id, the others are SPLIT too. */
  SPLIT
}
