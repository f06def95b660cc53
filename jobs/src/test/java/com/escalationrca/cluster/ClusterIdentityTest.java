package com.escalationrca.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ClusterIdentityTest {

  private static final ClusterSignature DOXXING = new ClusterSignature(Map.of("home", 0.6, "address", 0.6, "post", 0.3));
  private static final ClusterSignature CRYPTO = new ClusterSignature(Map.of("crypto", 0.7, "giveaway", 0.5, "bot", 0.4));
  private static final ClusterSignature PARODY = new ClusterSignature(Map.of("parody", 0.8, "satire", 0.5));

  private static Cluster cluster(int size, ClusterSignature signature) {
    return new Cluster("tmp", "label", List.of(), size, List.of(), signature, ClusterStatus.NEW, List.of());
  }

  private static List<ClusterIdentity.Identity> match(List<Cluster> current, List<ClusterIdentity.PreviousCluster> previous,
                                                      int highest) {
    return new ClusterIdentity(0.5).match(current, current.stream().map(Cluster::signature).toList(), previous, highest);
  }

  @Test
  void theSameClustersTwiceKeepTheirIdsAndAreStable() {
    List<ClusterIdentity.PreviousCluster> previous = List.of(
        new ClusterIdentity.PreviousCluster("C0003", 100, DOXXING),
        new ClusterIdentity.PreviousCluster("C0007", 50, CRYPTO));

    List<ClusterIdentity.Identity> ids = match(List.of(cluster(50, CRYPTO), cluster(100, DOXXING)), previous, 7);

    assertThat(ids).extracting(ClusterIdentity.Identity::id).containsExactly("C0007", "C0003");
    assertThat(ids).extracting(ClusterIdentity.Identity::status).containsOnly(ClusterStatus.STABLE);
  }

  @Test
  void aThemeThatDoublesIsGrowingAndOneThatHalvesIsShrinking() {
    List<ClusterIdentity.PreviousCluster> previous = List.of(
        new ClusterIdentity.PreviousCluster("C0001", 100, DOXXING),
        new ClusterIdentity.PreviousCluster("C0002", 100, CRYPTO));

    List<ClusterIdentity.Identity> ids = match(List.of(cluster(200, DOXXING), cluster(50, CRYPTO)), previous, 2);

    assertThat(ids).extracting(ClusterIdentity.Identity::status)
        .containsExactly(ClusterStatus.GROWING, ClusterStatus.SHRINKING);
  }

  @Test
  void aNewThemeGetsAFreshIdAfterTheHighestEverIssued() {
    List<ClusterIdentity.PreviousCluster> previous = List.of(new ClusterIdentity.PreviousCluster("C0001", 100, DOXXING));

    List<ClusterIdentity.Identity> ids = match(List.of(cluster(100, DOXXING), cluster(40, PARODY)), previous, 12);

    assertThat(ids.get(1)).isEqualTo(new ClusterIdentity.Identity("C0013", ClusterStatus.NEW, List.of()));
  }

  @Test
  void twoPreviousClustersInOneAreMergedAndOneInTwoIsSplit() {
    ClusterSignature both = new ClusterSignature(Map.of("home", 0.5, "address", 0.5, "crypto", 0.5, "giveaway", 0.4));
    List<ClusterIdentity.PreviousCluster> previous = List.of(
        new ClusterIdentity.PreviousCluster("C0001", 100, DOXXING),
        new ClusterIdentity.PreviousCluster("C0002", 100, CRYPTO));
    List<ClusterIdentity.Identity> merged = match(List.of(cluster(200, both)), previous, 2);

    assertThat(merged.get(0).status()).isEqualTo(ClusterStatus.MERGED);
    assertThat(merged.get(0).previousIds()).containsExactlyInAnyOrder("C0001", "C0002");
    assertThat(merged.get(0).id()).isIn("C0001", "C0002");

    ClusterSignature doxxingHome = new ClusterSignature(Map.of("home", 0.8, "address", 0.5, "post", 0.2));
    ClusterSignature doxxingPost = new ClusterSignature(Map.of("home", 0.4, "address", 0.5, "post", 0.7));
    List<ClusterIdentity.Identity> split = match(new ArrayList<>(List.of(cluster(60, doxxingHome), cluster(40, doxxingPost))),
        List.of(new ClusterIdentity.PreviousCluster("C0001", 100, DOXXING)), 1);

    assertThat(split).extracting(ClusterIdentity.Identity::status).containsOnly(ClusterStatus.SPLIT);
    assertThat(split).extracting(ClusterIdentity.Identity::id).containsExactlyInAnyOrder("C0001", "C0002");
  }

  /** Overlap of current × previous clusters given as shared counts; every member of each was in both windows. */
  private static Overlap overlap(int[][] shared, int[] currentSize, int[] previousSize) {
    int[] seen = currentSize.clone();
    int[] present = previousSize.clone();
    return new Overlap(shared, seen, present, currentSize, previousSize);
  }

  @Test
  void membersInCommonOutweighWords() {
    // Tonight's words of the doxxing cluster drifted away from last night's; its members did not.
    // And tonight's crypto-sounding cluster holds last night's doxxing members: members decide.
    List<ClusterIdentity.PreviousCluster> previous = List.of(
        new ClusterIdentity.PreviousCluster("C0003", 100, DOXXING),
        new ClusterIdentity.PreviousCluster("C0007", 50, CRYPTO));
    List<Cluster> current = List.of(cluster(100, PARODY), cluster(50, DOXXING));

    List<ClusterIdentity.Identity> ids = new ClusterIdentity(0.5).match(current,
        current.stream().map(Cluster::signature).toList(), previous,
        overlap(new int[][] {{95, 0}, {0, 48}}, new int[] {100, 50}, new int[] {100, 50}), 7);

    assertThat(ids).extracting(ClusterIdentity.Identity::id).containsExactly("C0003", "C0007");
    // Without the members, words alone would have got both wrong.
    assertThat(match(current, previous, 7)).extracting(ClusterIdentity.Identity::id).containsExactly("C0008", "C0003");
  }

  @Test
  void twoClustersWhoseMembersMetAreMergedAndOneWhoseMembersPartedIsSplit() {
    List<ClusterIdentity.PreviousCluster> previous = List.of(
        new ClusterIdentity.PreviousCluster("C0001", 100, DOXXING),
        new ClusterIdentity.PreviousCluster("C0002", 40, DOXXING));
    List<Cluster> one = List.of(cluster(140, DOXXING));
    List<ClusterIdentity.Identity> merged = new ClusterIdentity(0.5).match(one, List.of(DOXXING), previous,
        overlap(new int[][] {{98, 39}}, new int[] {140}, new int[] {100, 40}), 2);

    assertThat(merged).singleElement().isEqualTo(
        new ClusterIdentity.Identity("C0001", ClusterStatus.MERGED, List.of("C0001", "C0002")));

    List<Cluster> two = List.of(cluster(70, DOXXING), cluster(30, DOXXING));
    List<ClusterIdentity.Identity> split = new ClusterIdentity(0.5).match(two, List.of(DOXXING, DOXXING),
        previous.subList(0, 1), overlap(new int[][] {{68}, {29}}, new int[] {70, 30}, new int[] {100}), 2);

    assertThat(split).containsExactly(new ClusterIdentity.Identity("C0001", ClusterStatus.SPLIT, List.of("C0001")),
        new ClusterIdentity.Identity("C0003", ClusterStatus.SPLIT, List.of("C0001")));
  }

  @Test
  void aClusterOfMostlyNewEscalationsIsMatchedByItsWords() {
    // 3 of its 40 members were in last night's doxxing cluster, and it reads like parody: a new problem.
    List<ClusterIdentity.PreviousCluster> previous = List.of(new ClusterIdentity.PreviousCluster("C0001", 100, DOXXING));
    List<Cluster> current = List.of(cluster(95, DOXXING), cluster(40, PARODY));
    Overlap overlap = new Overlap(new int[][] {{90}, {3}}, new int[] {92, 3}, new int[] {100}, new int[] {95, 40},
        new int[] {100});

    List<ClusterIdentity.Identity> ids = new ClusterIdentity(0.5).match(current, List.of(DOXXING, PARODY), previous,
        overlap, 1);

    assertThat(ids).containsExactly(new ClusterIdentity.Identity("C0001", ClusterStatus.STABLE, List.of("C0001")),
        new ClusterIdentity.Identity("C0002", ClusterStatus.NEW, List.of()));
  }

  @Test
  void theOverlapCountsOnlyEscalationsInBothWindows() {
    // Escalations 1-4 were in C0005 last night, 5 was not clustered, 6 was in C0009; 7 is new.
    PreviousAssignments before = new PreviousAssignments(new long[] {1, 2, 3, 4, 5, 6}, new int[] {5, 5, 5, 5, 0, 9});
    Clustering tonight = new Clustering(List.of(cluster(4, DOXXING), cluster(2, CRYPTO)).stream()
        .map(c -> new Cluster(c.size() == 4 ? "C001" : "C002", c.label(), c.topTerms(), c.size(), c.exampleIds(),
            c.signature(), c.status(), c.previousIds())).toList(),
        Map.of(1L, new Clustering.Assignment("C001", 1), 2L, new Clustering.Assignment("C001", 1),
            5L, new Clustering.Assignment("C001", 1), 7L, new Clustering.Assignment("C001", 1),
            3L, new Clustering.Assignment("C002", 1), 4L, new Clustering.Assignment(Cluster.UNCLUSTERED, 0)));
    List<ClusterIdentity.PreviousCluster> previous = List.of(new ClusterIdentity.PreviousCluster("C0005", 4, DOXXING),
        new ClusterIdentity.PreviousCluster("C0009", 1, CRYPTO));

    Overlap overlap = Overlap.of(tonight, previous, before);

    assertThat(overlap.shared()).isDeepEqualTo(new int[][] {{2, 0}, {1, 0}});
    assertThat(overlap.currentSeen()).containsExactly(3, 1);
    // 6 left the window; 4 is still in it, though not clustered tonight.
    assertThat(overlap.previousPresent()).containsExactly(4, 0);
  }

  @Test
  void signaturesSurviveStorage() {
    ClusterSignature decoded = ClusterSignature.decode(DOXXING.encode());

    assertThat(decoded.cosine(DOXXING)).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-6));
    assertThat(DOXXING.cosine(CRYPTO)).isZero();
  }
}
