package com.escalationrca.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import com.escalationrca.ingest.Taxonomy;
import org.junit.jupiter.api.Test;

/**
 * Causes that only the words tell: vendors assigned at random, one policy for everything, and a
 * problem moved onto one vendor in the last days, its narratives scattered over every cluster.
 */
class WordRisesTest {

  private static final LocalDate START = LocalDate.of(2026, 3, 2);
  private static final Taxonomy TAXONOMY = new Taxonomy(List.of(
      new Taxonomy.Dimension("policy", "under policy", Map.of(), true, true),
      new Taxonomy.Dimension("vendor", "from vendor", Map.of(), false)));
  private static final CorrelateProperties WITH_WORDS = new CorrelateProperties(10, 0.05, 50, 3, "detected_language", 7,
      3, List.of(), List.of("vendor"), 2000, 0.3, 0.01, 1.5, 1000, 0.2, 0, 2000);
  private static final String[] VENDORS = {"Atlas", "Meridian", "Northwind", "Harbor", "Keystone"};
  /** Ten everyday problems of five words each, drawn from a shared pool of filler words too. */
  private static final List<List<String>> PROBLEMS = problems();

  private static List<List<String>> problems() {
    List<List<String>> problems = new ArrayList<>();
    for (int p = 0; p < 10; p++) {
      List<String> words = new ArrayList<>();
      for (int w = 0; w < 5; w++) {
        words.add("topic" + p + "word" + w);
      }
      problems.add(words);
    }
    return problems;
  }

  private static Observation escalation(String id, int day, String vendor, List<String> words, Vocabulary vocabulary,
                                        SplittableRandom random) {
    return new Observation(id, "C000" + (1 + random.nextInt(6)), 0.5, START.plusDays(day),
        Map.of("policy", "one policy", "vendor", vendor, "detected_language", "en"), vocabulary.of(words));
  }

  /** A narrative of one problem: three of its five words and two filler words. */
  private static List<String> narrative(List<String> problem, SplittableRandom random) {
    List<String> words = new ArrayList<>();
    for (String w : problem) {
      if (random.nextDouble() < 0.6) {
        words.add(w);
      }
    }
    words.add("filler" + random.nextInt(40));
    words.add("filler" + random.nextInt(40));
    return words;
  }

  private static List<Observation> background(int count, Vocabulary vocabulary, SplittableRandom random) {
    List<Observation> all = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      all.add(escalation("E" + i, random.nextInt(28), VENDORS[random.nextInt(VENDORS.length)],
          narrative(PROBLEMS.get(random.nextInt(PROBLEMS.size())), random), vocabulary, random));
    }
    return all;
  }

  private static List<Finding> findings(List<Observation> window, CorrelateProperties properties) {
    return new Correlator(properties, TAXONOMY).correlate(window, Map.of(), START, START.plusDays(27)).findings();
  }

  @Test
  void aProblemMovedOntoOneVendorIsFoundByItsWordsThoughNoFieldAndNoClusterHoldsIt() {
    SplittableRandom random = new SplittableRandom(11);
    Vocabulary vocabulary = new Vocabulary();
    List<Observation> window = new ArrayList<>(background(3000, vocabulary, random));
    for (int i = 0; i < 45; i++) {
      window.add(escalation("P" + i, 22 + random.nextInt(6), "Keystone", narrative(PROBLEMS.get(3), random), vocabulary,
          random));
    }

    List<Finding> words = findings(window, WITH_WORDS).stream()
        .filter(f -> f.dimension().startsWith(WordRises.DIMENSION)).toList();

    // The problem's words rose overall too (45 narratives were added), and most at Keystone.
    Finding lead = words.stream().filter(f -> f.value().endsWith(Finding.AND + "Keystone")).findFirst().orElseThrow();
    assertThat(lead.kind()).isEqualTo(SurgeDetector.KIND);
    assertThat(Finding.values(lead.dimension(), lead.value()))
        .containsEntry("vendor", "Keystone").containsKey(WordRises.DIMENSION);
    assertThat(Finding.values(lead.dimension(), lead.value()).get(WordRises.DIMENSION)).startsWith("topic3word");
    assertThat(lead.summary()).contains("escalations mentioning 'topic3word", "from vendor Keystone",
        "their usual share of volume");
    // The problem's words at that vendor are one cause, not one a word: a wording whose escalations
    // are mostly another's is left out, and what is left is grouped.
    List<Finding> atKeystone = words.stream().filter(f -> f.value().endsWith("Keystone")).toList();
    assertThat(atKeystone).hasSizeLessThan(PROBLEMS.get(3).size());
    assertThat(atKeystone.stream().map(Finding::cause).distinct()).hasSize(1);
    // The escalations behind it are the narratives holding the word, at that vendor, in the last days.
    List<Observation> members = new FindingMembers(window, START.plusDays(21)).of(lead);
    assertThat(members).isNotEmpty().allSatisfy(o -> {
      assertThat(o.dimensions()).containsEntry("vendor", "Keystone");
      assertThat(o.words().contains(Finding.values(lead.dimension(), lead.value()).get(WordRises.DIMENSION))).isTrue();
    });
    // Without words, nothing names it: the policy is constant and the clusters are drawn at random.
    assertThat(findings(window, new CorrelateProperties(10, 0.05, 50, 3, "detected_language", 7, 3, List.of(),
        List.of("vendor"))).stream().filter(f -> f.value().contains("Keystone") && f.dimension().contains("words"))).isEmpty();
  }

  @Test
  void whenAFieldCarriesTheCauseItIsNamedByTheFieldNotByItsWords() {
    SplittableRandom random = new SplittableRandom(12);
    Vocabulary vocabulary = new Vocabulary();
    List<Observation> window = new ArrayList<>(background(3000, vocabulary, random));
    for (int i = 0; i < 60; i++) {
      window.add(new Observation("P" + i, "C000" + (1 + random.nextInt(6)), 0.5, START.plusDays(22 + random.nextInt(6)),
          Map.of("policy", "private information", "vendor", "Keystone", "detected_language", "en"),
          vocabulary.of(narrative(PROBLEMS.get(3), random))));
    }

    List<Finding> findings = findings(window, WITH_WORDS);

    assertThat(findings).anySatisfy(f -> assertThat(f.value()).contains("private information"));
    assertThat(findings).noneMatch(f -> f.dimension().startsWith(WordRises.DIMENSION) && f.value().endsWith("Keystone"));
  }

  @Test
  void wordsThatDidNotRiseAreNoFinding() {
    for (long seed = 20; seed < 25; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      List<Observation> window = background(3000, new Vocabulary(), random);

      assertThat(findings(window, WITH_WORDS)).as("seed " + seed)
          .noneMatch(f -> f.dimension().startsWith(WordRises.DIMENSION));
    }
  }

  @Test
  void aCombinationHoldingAsManyEscalationsAsItsPartIsNotTestedTwice() {
    SplittableRandom random = new SplittableRandom(30);
    Vocabulary vocabulary = new Vocabulary();
    List<Observation> window = background(3000, vocabulary, random);
    TimeSeries.Split split = new TimeSeries(window, START, START.plusDays(27)).split(7);

    List<WordRises.Counted> counted = new WordRises(2000, 0.3, 10).count(window, split, TAXONOMY.dimensions());

    // Every word is counted with the one policy too: the same escalations as the word alone.
    WordRises.Counted alone = counted.stream().filter(c -> c.parts().size() == 1).findFirst().orElseThrow();
    assertThat(counted).anySatisfy(c -> {
      assertThat(c.parts()).hasSize(2).startsWith(alone.parts().get(0));
      assertThat(c.parts().get(1).value()).isEqualTo("one policy");
      assertThat(c.total()).isEqualTo(alone.total());
    });
    // Every word here is held by more than 1 % of the narratives: with max-word-share 0.01 none is counted.
    assertThat(new WordRises(2000, 0.01, 10).count(window, split, TAXONOMY.dimensions())).isEmpty();
  }
}
