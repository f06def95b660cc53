package com.escalationrca.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Drops: a vendor that stopped escalating is found; relative dips beside someone else's surge and noise are not. */
class DropDetectorTest {

  private static final LocalDate START = LocalDate.of(2026, 2, 2);
  private static final LocalDate END = START.plusDays(27);
  private static final CorrelateProperties PROPERTIES =
      new CorrelateProperties(10, 0.05, 50, 3, "detected_language", 7, 3, List.of(), List.of("vendor", "market"));
  private static final DropProperties DROPS = new DropProperties(true, List.of("policy", "vendor", "market", "channel"));
  private static final List<String> VENDORS = List.of("Atlas Review", "Meridian Ops", "Northwind BPO", "Sable Moderation");

  /** 28 days of escalations spread evenly over four vendors and three markets. */
  private static List<Observation> steady(Random random, int perDay) {
    List<Observation> all = new ArrayList<>();
    for (int day = 0; day < 28; day++) {
      for (int i = 0; i < perDay; i++) {
        all.add(new Observation("E" + day + "-" + i, "C0001", 0.5, START.plusDays(day),
            Map.of("vendor", VENDORS.get(random.nextInt(VENDORS.size())), "market", List.of("BR", "MX", "PH").get(random.nextInt(3)),
                "policy", "spam")));
      }
    }
    return all;
  }

  @Test
  void aVendorThatStoppedEscalatingInTheLastDaysIsTheFirstDrop() {
    List<Observation> window = steady(new Random(1), 80);
    // Northwind BPO loses 80 % of its cases in the last 7 days (a routing error).
    Random cut = new Random(2);
    window.removeIf(o -> o.dimensions().get("vendor").equals("Northwind BPO") && !o.day().isBefore(END.minusDays(6))
        && cut.nextDouble() < 0.8);

    List<Drop> drops = new DropDetector(PROPERTIES, DROPS).detect(window, START, END);

    assertThat(drops).isNotEmpty();
    Drop first = drops.get(0);
    assertThat(first.dimension()).isEqualTo("vendor");
    assertThat(first.value()).isEqualTo("Northwind BPO");
    assertThat(first.ratioHigh()).isLessThan(1);
    assertThat(first.qValue()).isLessThan(0.05);
    assertThat(first.perDayRecent()).isLessThan(first.perDayBefore() / 2);
    assertThat(first.summary()).startsWith("Vendor Northwind BPO: " + first.recent() + " escalations in the last 7 days against ")
        .contains(" a day before, ");
    assertThat(drops).extracting(Drop::value).doesNotContain("Atlas Review", "Meridian Ops", "Sable Moderation");
    assertThat(new DropDetector(PROPERTIES, new DropProperties(false, DROPS.dimensions())).detect(window, START, END))
        .as("off").isEmpty();
  }

  @Test
  void valuesWhoseShareFellOnlyBecauseAnotherRoseAreNotDrops() {
    List<Observation> window = steady(new Random(3), 80);
    // One problem doubles the volume of the last days at one vendor in one market: every other value's share falls.
    for (int day = 21; day < 28; day++) {
      for (int i = 0; i < 90; i++) {
        window.add(new Observation("S" + day + "-" + i, "C0002", 0.5, START.plusDays(day),
            Map.of("vendor", "Meridian Ops", "market", "PH", "policy", "private_information")));
      }
    }

    assertThat(new DropDetector(PROPERTIES, DROPS).detect(window, START, END)).isEmpty();
  }

  @Test
  void steadyVolumesWithNoiseHaveNoDrop() {
    int found = 0;
    for (int seed = 10; seed < 30; seed++) {
      found += new DropDetector(PROPERTIES, DROPS).detect(steady(new Random(seed), 60), START, END).size();
    }
    assertThat(found).as("drops in 20 steady windows").isLessThanOrEqualTo(1);
  }
}
