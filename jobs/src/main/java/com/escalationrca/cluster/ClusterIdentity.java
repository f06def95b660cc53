package com.escalationrca.cluster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Gives tonight's clusters the ids of last night's when they are the same problem. Two clusters
 * that share members (escalations in both nights' windows) are linked when most of one's common
 * members are in the other; two that do not, when their signatures have cosine ≥ {@code threshold}.
 * Links are first matched one to one, strongest first (members before words): a matched current
 * cluster continues the previous one under its id (stable, growing or shrinking by size). A
 * previous cluster left unmatched whose heir (most of its members) continues another is MERGED into it; a current cluster left unmatched but linked to a continued one SPLIT
 * from it (and the continuing sibling is marked SPLIT too). Unlinked current clusters are NEW.
 * New ids come after the highest ever issued, so an id never comes back meaning something else.
 */
public final class ClusterIdentity {

  /** A previous night's cluster as the identity step needs it. */
  public record PreviousCluster(String id, int size, ClusterSignature signature) {
  }

  /** The identity of one of tonight's clusters. */
  public record Identity(String id, ClusterStatus status, List<String> previousIds) {

    public Identity {
      previousIds = List.copyOf(previousIds);
    }
  }

  private static final double GROWTH = 1.25;
  private static final double SHRINK = 0.8;

  private final double threshold;

  public ClusterIdentity(double threshold) {
    this.threshold = threshold;
  }

  /** Matches by signatures alone (no members known in common). */
  public List<Identity> match(List<Cluster> current, List<ClusterSignature> signatures,
                              List<PreviousCluster> previous, int highestIssued) {
    return match(current, signatures, previous, Overlap.none(current.size(), previous.size()), highestIssued);
  }

  /**
   * @param current tonight's clusters, in their order (largest first)
   * @param overlap the members tonight's and last night's clusters share
   * @param highestIssued the highest numeric id ever issued (0 if none)
   * @return one identity per current cluster, in the same order
   */
  public List<Identity> match(List<Cluster> current, List<ClusterSignature> signatures,
                              List<PreviousCluster> previous, Overlap overlap, int highestIssued) {
    int n = current.size();
    // Where both clusters have members in common, members decide (linked when most of one is in the
    // other, ranked by Jaccard) and outrank any link by words (signature cosine >= threshold).
    double[][] similarity = new double[n][previous.size()];
    boolean[][] byMembers = new boolean[n][previous.size()];
    List<int[]> links = new ArrayList<>();
    for (int c = 0; c < n; c++) {
      for (int p = 0; p < previous.size(); p++) {
        byMembers[c][p] = overlap.known(c, p);
        similarity[c][p] = byMembers[c][p] ? overlap.jaccard(c, p)
            : signatures.get(c).cosine(previous.get(p).signature());
        if (byMembers[c][p] ? overlap.linked(c, p) : similarity[c][p] >= threshold) {
          links.add(new int[] {c, p});
        }
      }
    }
    Comparator<int[]> stronger = Comparator.<int[], Boolean>comparing(l -> byMembers[l[0]][l[1]])
        .thenComparingDouble(l -> similarity[l[0]][l[1]]).reversed();
    // 1. Continuations: one-to-one, strongest pairs first (greedy matching).
    links.sort(stronger);
    int[] continues = new int[n];
    java.util.Arrays.fill(continues, -1);
    int[] continuedBy = new int[previous.size()];
    java.util.Arrays.fill(continuedBy, -1);
    for (int[] link : links) {
      if (continues[link[0]] < 0 && continuedBy[link[1]] < 0) {
        continues[link[0]] = link[1];
        continuedBy[link[1]] = link[0];
      }
    }
    // 2. A previous cluster nobody continues, linked to a continuing one, was merged into it;
    //    a current cluster that continues nothing, linked to a continued one, split from it.
    List<List<String>> absorbed = new ArrayList<>();
    for (int c = 0; c < n; c++) {
      absorbed.add(new ArrayList<>());
    }
    boolean[] splitFrom = new boolean[previous.size()];
    int[] splitOf = new int[n];
    java.util.Arrays.fill(splitOf, -1);
    for (int[] link : links) {
      int c = link[0];
      int p = link[1];
      if (continuedBy[p] < 0 && continues[c] >= 0 && heir(p, n, byMembers, similarity, overlap) == c) {
        absorbed.get(c).add(previous.get(p).id());
      } else if (continues[c] < 0 && continuedBy[p] >= 0 && splitOf[c] < 0) {
        splitOf[c] = p;
        splitFrom[p] = true;
      }
    }
    List<Identity> identities = new ArrayList<>();
    int next = highestIssued;
    for (int c = 0; c < n; c++) {
      if (continues[c] >= 0) {
        PreviousCluster origin = previous.get(continues[c]);
        List<String> previousIds = new ArrayList<>(List.of(origin.id()));
        previousIds.addAll(absorbed.get(c));
        ClusterStatus status = !absorbed.get(c).isEmpty() ? ClusterStatus.MERGED
            : splitFrom[continues[c]] ? ClusterStatus.SPLIT : trend(current.get(c).size(), origin.size());
        identities.add(new Identity(origin.id(), status, previousIds));
      } else if (splitOf[c] >= 0) {
        identities.add(new Identity(format(++next), ClusterStatus.SPLIT, List.of(previous.get(splitOf[c]).id())));
      } else {
        identities.add(new Identity(format(++next), ClusterStatus.NEW, List.of()));
      }
    }
    return identities;
  }

  /** Tonight's cluster that took most of previous cluster p: by members where known, else by words. */
  private static int heir(int p, int n, boolean[][] byMembers, double[][] similarity, Overlap overlap) {
    int best = 0;
    for (int c = 1; c < n; c++) {
      boolean better = byMembers[c][p] != byMembers[best][p] ? byMembers[c][p]
          : byMembers[c][p] ? overlap.shared()[c][p] > overlap.shared()[best][p]
          : similarity[c][p] > similarity[best][p];
      if (better) {
        best = c;
      }
    }
    return best;
  }

  private static ClusterStatus trend(int size, int previousSize) {
    if (size >= previousSize * GROWTH) {
      return ClusterStatus.GROWING;
    }
    return size <= previousSize * SHRINK ? ClusterStatus.SHRINKING : ClusterStatus.STABLE;
  }

  /** "C0042": ids are issued in sequence and never reused. */
  public static String format(int number) {
    return String.format("C%04d", number);
  }

  /** The number in an id issued by {@link #format}, or 0 for anything else. */
  public static int number(String id) {
    return id.matches("C\\d+") ? Integer.parseInt(id.substring(1)) : 0;
  }
}
