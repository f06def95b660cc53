package com.escalationrca.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.escalationrca.cluster.ClusterIdentity;
import com.escalationrca.store.Folders;
import com.escalationrca.store.StorageProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Rebuilds the search index from PostgreSQL, the source of truth: every escalation kept (analysed or
 * not: analyses may be kept for less time than escalations), tagged
 * with its cluster in the completed run that finished last. It builds into a sibling folder and swaps it in with
 * two renames, so a search never sees a half-built index (but a searcher holding the old folder
 * open must reopen: run it while nobody searches).
 */
@Service
public class IndexRebuilder {

  private static final int BATCH = 5000;

  private final JdbcTemplate jdbc;
  private final StorageProperties storage;

  public IndexRebuilder(JdbcTemplate jdbc, StorageProperties storage) {
    this.jdbc = jdbc;
    this.storage = storage;
  }

  /** Rebuilds and returns the number of documents indexed. */
  public long rebuild() {
    Path target = storage.indexDir();
    Path fresh = target.resolveSibling(target.getFileName() + ".rebuild");
    Path old = target.resolveSibling(target.getFileName() + ".old");
    try {
      Folders.deleteRecursively(fresh);
      Files.createDirectories(fresh);
      long count;
      try (EscalationIndex index = EscalationIndex.open(fresh)) {
        count = copyEscalations(index);
        index.tagClusters(latestClusters());
      }
      Folders.deleteRecursively(old);
      if (Files.exists(target)) {
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
      }
      Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
      Folders.deleteRecursively(old);
      return count;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot rebuild the index in " + target + ": " + e.getMessage(), e);
    }
  }

  private long copyEscalations(EscalationIndex index) {
    List<IndexedEscalation> batch = new ArrayList<>(BATCH);
    long[] count = {0};
    jdbc.query("""
        select e.external_id, e.created_at, e.narrative, coalesce(a.detected_language, 'und') as detected_language, e.policy, e.vendor,
          e.market, e.language, e.channel, e.priority, e.action, e.outcome, e.dimensions
        from escalation e left join narrative_analysis a on a.escalation_id = e.id order by e.id
        """, rs -> {
          batch.add(IndexedEscalation.fromRow(rs));
          if (batch.size() == BATCH) {
            index.upsert(batch);
            count[0] += batch.size();
            batch.clear();
          }
        });
    index.upsert(batch);
    return count[0] + batch.size();
  }

  private Map<String, Integer> latestClusters() {
    Map<String, Integer> numbers = new HashMap<>();
    jdbc.query("""
        select e.external_id, ca.cluster_id from cluster_assignment ca join escalation e on e.id = ca.escalation_id
        where ca.run_id = (select run_id from rca_run where status = 'COMPLETED'
                           order by finished_at desc limit 1)
        """, rs -> {
          numbers.put(rs.getString(1), ClusterIdentity.number(rs.getString(2)));
        });
    return numbers;
  }

}
