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

  /** (external id, cluster id) for every escalation of a run, in id order, streamed. */
  public void assignments(long runId, java.util.function.BiConsumer<String, String> sink) {
    jdbc.query("""
        select e.external_id, ca.cluster_id from cluster_assignment ca
        join escalation e on e.id = ca.escalation_id where ca.run_id = ? order by e.id
        """, rs -> {
          sink.accept(rs.getString(1), rs.getString(2));
        }, runId);
  }

  /** The clusters of a run, for tonight's identity matching. */
  public List<ClusterIdentity.PreviousCluster> clustersOf(long runId) {
    return jdbc.query("select cluster_id, size, signature from rca_cluster where run_id = ? order by cluster_id",
        (rs, i) -> new ClusterIdentity.PreviousCluster(rs.getString(1), rs.getInt(2),
            ClusterSignature.decode(rs.getString(3))), runId);
  }

  /** Every escalation's cluster in a run (by number, 0 for the bucket): tonight's clustering leans on it. */
  public PreviousAssignments assignmentsOf(long runId) {
    Integer count = jdbc.queryForObject("select count(*) from cluster_assignment where run_id = ?", Integer.class, runId);
    long[] ids = new long[count == null ? 0 : count];
    int[] numbers = new int[ids.length];
    int[] next = {0};
    jdbc.query("select escalation_id, cluster_id from cluster_assignment where run_id = ? order by escalation_id",
        rs -> {
          if (next[0] < ids.length) {
            ids[next[0]] = rs.getLong(1);
            numbers[next[0]++] = ClusterIdentity.number(rs.getString(2));
          }
        }, runId);
    return new PreviousAssignments(java.util.Arrays.copyOf(ids, next[0]), java.util.Arrays.copyOf(numbers, next[0]));
  }

  /** The highest cluster number ever issued, so a new cluster never reuses a retired id. */
  public int highestIssuedId() {
    Integer n = jdbc.queryForObject("""
        select coalesce(max(substring(cluster_id from 2)::int), 0) from rca_cluster
        where cluster_id ~ '^C[0-9]+$'
        """, Integer.class);
    return n == null ? 0 : n;
  }

  @Transactional
  public void save(long runId, Clustering clustering) {
    jdbc.update("delete from cluster_assignment where run_id = ?", runId);
    jdbc.update("delete from rca_cluster where run_id = ?", runId);
    jdbc.batchUpdate("""
        insert into rca_cluster (run_id, cluster_id, label, top_terms, size, example_ids, signature,
          status, previous_ids) values (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """, clustering.clusters(), 100, (ps, c) -> {
          ps.setLong(1, runId);
          ps.setString(2, c.id());
          ps.setString(3, c.label());
          ps.setString(4, String.join(", ", c.topTerms()));
          ps.setInt(5, c.size());
          ps.setString(6, c.exampleIds().stream().map(String::valueOf).reduce((a, b) -> a + " " + b).orElse(""));
          ps.setString(7, c.signature().encode());
          ps.setString(8, c.status().name());
          ps.setString(9, String.join(" ", c.previousIds()));
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
