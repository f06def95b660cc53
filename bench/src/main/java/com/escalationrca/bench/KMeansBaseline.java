package com.escalationrca.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.escalationrca.cluster.ClusterProperties;
import com.escalationrca.cluster.NarrativeDocument;
import com.escalationrca.cluster.SparseVector;
import com.escalationrca.cluster.SphericalKMeans;
import com.escalationrca.cluster.TermVectors;

/**
 * The textbook baseline for benchmarks: TF-IDF vectors and spherical k-means with a given k (the
 * true number of labels), without duplicate collapse, k selection or a noise bucket.
 */
public final class KMeansBaseline {

  private final ClusterProperties properties;

  public KMeansBaseline(ClusterProperties properties) {
    this.properties = properties;
  }

  /** Escalation id → cluster number; documents with no known term share cluster -1. */
  public Map<Long, Integer> cluster(List<NarrativeDocument> documents, int k) {
    TermVectors vectors = TermVectors.build(documents, properties);
    SparseVector[] points = new SparseVector[vectors.size()];
    for (int i = 0; i < points.length; i++) {
      points[i] = vectors.vector(i);
    }
    SphericalKMeans.Result result = new SphericalKMeans(properties.iterations(), properties.seed())
        .fit(points, vectors.dimensions(), Math.min(k, points.length));
    Map<Long, Integer> assignment = new HashMap<>();
    for (int i = 0; i < points.length; i++) {
      assignment.put(documents.get(i).escalationId(), points[i].isEmpty() ? -1 : result.assignment()[i]);
    }
    return assignment;
  }
}
