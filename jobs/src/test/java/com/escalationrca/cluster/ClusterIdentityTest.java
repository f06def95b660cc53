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

  @Test
  void signaturesSurviveStorage() {
    ClusterSignature decoded = ClusterSignature.decode(DOXXING.encode());

    assertThat(decoded.cosine(DOXXING)).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-6));
    assertThat(DOXXING.cosine(CRYPTO)).isZero();
  }
}
