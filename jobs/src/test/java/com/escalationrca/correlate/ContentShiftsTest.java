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
 * The narratives of one value changing: a problem moved onto one vendor in the last days is a
 * shift of that vendor's narratives, a vendor that always handles more of a problem is not, and
 * nothing planted is nothing found.
 */
class ContentShiftsTest {

  private static final LocalDate START = LocalDate.of(2026, 3, 2);
  private static final int DAYS = 42;
  private static final Taxonomy.Dimension VENDOR = new Taxonomy.Dimension("vendor", "from vendor", Map.of(), false);
  private static final String[] VENDORS = {"Atlas", "Meridian", "Northwind", "Harbor", "Keystone"};

  private static List<String> narrative(int problem, SplittableRandom random) {
    List<String> words = new ArrayList<>();
    for (int w = 0; w < 6; w++) {
      if (random.nextDouble() < 0.5) {
        words.add("topic" + problem + "word" + w);
      }
    }
    for (int f = 0; f < 4; f++) {
      words.add("filler" + random.nextInt(60));
    }
    return words;
  }

  /**
   * 800 escalations over six weeks, ten problems, vendors at random; {@code moved} escalations of
   * problem 3 at Keystone in the last six days; Atlas handles problem 5 three times as often as the
   * others all along.
   */
  private static List<Observation> window(int moved, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Vocabulary vocabulary = new Vocabulary();
    List<Observation> window = new ArrayList<>();
    for (int i = 0; i < 800; i++) {
      String vendor = VENDORS[random.nextInt(VENDORS.length)];
      int problem = vendor.equals("Atlas") && random.nextDouble() < 0.25 ? 5 : random.nextInt(10);
      window.add(escalation("E" + i, random.nextInt(DAYS), vendor, narrative(problem, random), vocabulary));
    }
    for (int i = 0; i < moved; i++) {
      window.add(escalation("M" + i, DAYS - 1 - random.nextInt(6), "Keystone", narrative(3, random), vocabulary));
    }
    return window;
  }

  private static Observation escalation(String id, int day, String vendor, List<String> words, Vocabulary vocabulary) {
    return new Observation(id, "C0001", 0.5, START.plusDays(day), Map.of("vendor", vendor), vocabulary.of(words));
  }

  private static List<ContentShifts.Shift> shifts(List<Observation> window) {
    TimeSeries.Split split = new TimeSeries(window, START, START.plusDays(DAYS - 1)).split(7);
    return new ContentShifts(20, 1000, 10).test(window, split, List.of(VENDOR), 0.025);
  }

  private static double pValue(List<ContentShifts.Shift> shifts, String vendor) {
    return shifts.stream().filter(s -> s.value().value().equals(vendor)).findFirst().orElseThrow().pValue();
  }

  @Test
  void aProblemMovedOntoOneVendorIsAShiftOfThatVendorsNarratives() {
    int found = 0;
    for (long seed = 1; seed <= 10; seed++) {
      List<ContentShifts.Shift> shifts = shifts(window(20, seed));
      found += pValue(shifts, "Keystone") <= 0.002 ? 1 : 0;
    }
    // Ten values tested a night, at alpha/2: 0.002 survives the correction.
    assertThat(found).isGreaterThanOrEqualTo(8);
  }

  @Test
  void aStandingAssociationAndNothingPlantedAreNoShift() {
    int small = 0;
    for (long seed = 1; seed <= 20; seed++) {
      for (ContentShifts.Shift shift : shifts(window(0, seed))) {
        small += shift.pValue() < 0.01 ? 1 : 0;
      }
    }
    // 100 tests under the null: about one below 0.01 by chance; Atlas's standing problem is none of them.
    assertThat(small).isLessThanOrEqualTo(3);
  }
}
