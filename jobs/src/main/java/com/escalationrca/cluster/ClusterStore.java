package com.escalationrca.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Saves a run's clusters and assignments (replacing any from an earlier attempt of the run). */
@Repository
public class ClusterStore {

  private final JdbcTemplate jdbc;

  public ClusterStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional
  public void save(long runId, Clustering clustering) {
    jdbc.update("delete from cluster_assignment where run_id = ?", runId);
    jdbc.update("delete from rca_cluster where run_id = ?", runId);
    jdbc.batchUpdate("""
        insert into rca_cluster (run_id, cluster_id, label, top_terms, size, example_ids)
        values (?, ?, ?, ?, ?, ?)
        """, clustering.clusters(), 100, (ps, c) -> {
          ps.setLong(1, runId);
          ps.setString(2, c.id());
          ps.setString(3, c.label());
          ps.setString(4, String.join(", ", c.topTerms()));
          ps.setInt(5, c.size());
          ps.setString(6, c.exampleIds().stream().map(String::valueOf).reduce((a, b) -> a + " " + b).orElse(""));
        });
    List<Map.Entry<Long, Clustering.Assignment>> rows = new ArrayList<>(clustering.assignments().entrySet());
    jdbc.batchUpdate("""
        insert into cluster_assignment (run_id, escalation_id, cluster_id, similarity) values (?, ?, ?, ?)
        """, rows, 5000, (ps, e) -> {
          ps.setLong(1, runId);
          ps.setLong(2, e.getKey());
          ps.setString(3, e.getValue().clusterId());
          ps.setFloat(4, (float) e.getValue().similarity());
        });
  }
}
