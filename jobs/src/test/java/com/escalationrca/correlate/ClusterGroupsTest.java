package com.escalationrca.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

import com.escalationrca.ingest.Taxonomy;
import org.junit.jupiter.api.Test;

/**
 * Causes the clustering holds in one big cluster, or splits over several: vendors at random, one
 * policy for everything, and a problem moved onto one vendor in the last days. The cluster (or the
 * group of related clusters) with the vendor names it.
 */
class ClusterGroupsTest {

  private static final LocalDate START = LocalDate.of(2026, 3, 2);
  private static final Taxonomy TAXONOMY = new Taxonomy(List.of(
      new Taxonomy.Dimension("policy", "under policy", Map.of(), true, true),
      new Taxonomy.Dimension("vendor", "from vendor", Map.of(), false)));
  private static final CorrelateProperties PROPERTIES = new CorrelateProperties(10, 0.05, 50, 3, "detected_language", 7,
      3, List.of(), List.of("vendor"), 2000, 0.3, 0.01, 1.5, 1000, 0.2, 0, 2000);
  private static final String[] VENDORS = {"Atlas", "Meridian", "Northwind", "Harbor", "Keystone"};

  /** A narrative of problem p: three of its six words and two filler words. */
  private static List<String> narrative(int problem, SplittableRandom random) {
    List<String> words = new ArrayList<>();
    for (int w = 0; w < 6; w++) {
      if (random.nextDouble() < 0.5) {
        words.add("topic" + problem + "word" + w);
      }
    }
    words.add("filler" + random.nextInt(40));
    words.add("filler" + random.nextInt(40));
    return words;
  }

  /** The clustering's id for problem p, split into {@code parts} clusters drawn at random. */
  private static String cluster(int problem, int parts, SplittableRandom random) {
    return String.format("C%02d%02d", problem, random.nextInt(parts));
  }

  private static Observation escalation(String id, int day, String vendor, int problem, int parts, Vocabulary vocabulary,
                                        SplittableRandom random) {
    return new Observation(id, cluster(problem, parts, random), 0.5, START.plusDays(day),
        Map.of("policy", "one policy", "vendor", vendor, "detected_language", "en"), vocabulary.of(narrative(problem, random)));
  }

  /** {@code count} escalations over 28 days; problem 0 is {@code bigShare} of them, the rest share the others. */
  private static List<Observation> background(int count, double bigShare, int parts, Vocabulary vocabulary,
                                              SplittableRandom random) {
    List<Observation> all = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int problem = random.nextDouble() < bigShare ? 0 : 1 + random.nextInt(9);
      all.add(escalation("E" + i, random.nextInt(28), VENDORS[random.nextInt(VENDORS.length)], problem, parts,
          vocabulary, random));
    }
    return all;
  }

  private static Map<String, String> labels(List<Observation> window) {
    return window.stream().map(Observation::clusterId).distinct()
        .collect(Collectors.toMap(c -> c, c -> "problem " + Integer.parseInt(c.substring(1, 3)) + " part " + c.substring(3)));
  }

  private static List<Finding> findings(List<Observation> window, CorrelateProperties properties) {
    return new Correlator(properties, TAXONOMY).correlate(window, labels(window), START, START.plusDays(27)).findings();
  }

  /** Surges of a cluster or a group of clusters with a value: the findings this feature adds. */
  private static List<Finding> clustersWithValues(List<Finding> findings) {
    return findings.stream().filter(f -> f.kind().equals(SurgeDetector.KIND) && !f.clusterId().equals(Population.ALL)
        && !f.dimension().isEmpty()).toList();
  }

  @Test
  void aProblemMovedOntoOneVendorInsideABigClusterIsThatClusterFromThatVendor() {
    // As in real complaints: one problem is 40 % of everything, one cluster holds it, and its words
    // are in every other narrative of that cluster too.
    SplittableRandom random = new SplittableRandom(41);
    Vocabulary vocabulary = new Vocabulary();
    List<Observation> window = new ArrayList<>(background(3000, 0.4, 1, vocabulary, random));
    for (int i = 0; i < 60; i++) {
      window.add(escalation("P" + i, 22 + random.nextInt(6), "Keystone", 0, 1, vocabulary, random));
    }

    List<Finding> found = clustersWithValues(findings(window, PROPERTIES));

    Finding lead = found.stream().filter(f -> f.value().equals("Keystone")).findFirst().orElseThrow();
    assertThat(lead.clusterId()).isEqualTo("C0000");
    assertThat(lead.dimension()).isEqualTo("vendor");
    assertThat(lead.summary()).contains("'problem 0 part 00' escalations from vendor Keystone", "their usual share of volume");
    // The escalations behind it: that cluster, that vendor.
    assertThat(new FindingMembers(window, START.plusDays(21)).of(lead)).isNotEmpty().allSatisfy(o -> {
      assertThat(o.clusterId()).isEqualTo("C0000");
      assertThat(o.dimensions()).containsEntry("vendor", "Keystone");
    });
  }

  @Test
  void aProblemTheClusteringSplitIsTheGroupOfItsClustersFromThatVendor() {
    // Each problem is split over six clusters: no one cluster holds enough of the moved problem.
    SplittableRandom random = new SplittableRandom(42);
    Vocabulary vocabulary = new Vocabulary();
    List<Observation> window = new ArrayList<>(background(3000, 0.1, 6, vocabulary, random));
    for (int i = 0; i < 40; i++) {
      window.add(escalation("P" + i, 22 + random.nextInt(6), "Keystone", 3, 6, vocabulary, random));
    }

    List<Finding> found = clustersWithValues(findings(window, PROPERTIES));

    Finding lead = found.stream().filter(f -> f.value().equals("Keystone")).findFirst().orElseThrow();
    Set<String> members = Set.copyOf(Arrays.asList(lead.clusterId().split("\\+")));
    assertThat(members).hasSizeGreaterThanOrEqualTo(3).allSatisfy(c -> assertThat(c).startsWith("C03"));
    assertThat(lead.clusterLabel()).contains("problem 3 part");
    assertThat(new FindingMembers(window, START.plusDays(21)).of(lead)).isNotEmpty().allSatisfy(o -> {
      assertThat(members).contains(o.clusterId());
      assertThat(o.dimensions()).containsEntry("vendor", "Keystone");
    });
    // Without groups, no cluster alone names it.
    CorrelateProperties withoutGroups = new CorrelateProperties(10, 0.05, 50, 3, "detected_language", 7, 3, List.of(),
        List.of("vendor"), 2000, 0.3, 0.01, 1.5, 0, 0.2, 0, 2000);
    assertThat(clustersWithValues(findings(window, withoutGroups))).noneMatch(f -> f.clusterId().contains("+"));
  }

  @Test
  void clustersThatDidNotRiseWithAValueAreNoFinding() {
    for (long seed = 50; seed < 55; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      List<Observation> window = background(3000, 0.3, 3, new Vocabulary(), random);

      assertThat(clustersWithValues(findings(window, PROPERTIES))).as("seed " + seed).isEmpty();
    }
  }

  @Test
  void anEscalationIsWithinAGroupOnlyWhenItsClusterIsAMember() {
    assertThat(FindingMembers.within("C0003+C0007", "C0003")).isTrue();
    assertThat(FindingMembers.within("C0003+C0007", "C0007")).isTrue();
    assertThat(FindingMembers.within("C0003+C0007", "C0000")).isFalse();
    assertThat(FindingMembers.within("C0003+C0070", "C0007")).isFalse();
    assertThat(FindingMembers.within("C0012", "C0001")).isFalse();
    assertThat(FindingMembers.within("C0012", "C0012")).isTrue();
    assertThat(FindingMembers.within(Population.ALL, "unclustered")).isTrue();
    assertThat(FindingMembers.within("C0003+C0007", "unclustered")).isFalse();
  }

  @Test
  void relatedClustersAreJoinedBeforeUnrelatedOnes() {
    SplittableRandom random = new SplittableRandom(43);
    List<Observation> window = background(2000, 0.1, 3, new Vocabulary(), random);
    Vocabulary vocabulary = window.get(0).words().vocabulary();
    WordRises words = new WordRises(2000, 0.3, 10);
    int[] candidate = words.candidates(window, vocabulary);

    List<ClusterGroups.Group> groups = new ClusterGroups(1000, 0.2)
        .groups(window, candidate, (int) Arrays.stream(candidate).filter(c -> c >= 0).count());

    // Every cluster is a group of one; every group of two or three holds clusters of one problem.
    Map<String, Integer> sizes = new HashMap<>();
    window.forEach(o -> sizes.merge(o.clusterId(), 1, Integer::sum));
    assertThat(groups.stream().filter(g -> g.clusters().size() == 1).map(ClusterGroups.Group::id))
        .containsExactlyInAnyOrderElementsOf(sizes.keySet());
    assertThat(groups.stream().filter(g -> g.clusters().size() > 1 && g.clusters().size() <= 3)).isNotEmpty()
        .allSatisfy(g -> assertThat(g.clusters().stream().map(c -> c.substring(0, 3)).distinct()).hasSize(1));
    // A group of several clusters holds at most a fifth of the window: a problem, not half of everything.
    assertThat(groups.stream().filter(g -> g.clusters().size() > 1)).isNotEmpty()
        .allSatisfy(g -> assertThat(g.size()).isLessThanOrEqualTo(400));
  }
}
