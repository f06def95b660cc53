package com.escalationrca.bench;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

import com.escalationrca.cluster.NarrativeDocument;
import com.escalationrca.generate.PlantedCause;

/**
 * Real complaints as benchmark datasets. The export's own dates bunch into a few days, so each
 * dataset spreads them over {@link #DAYS} days (weekday-weighted, seeded): that alone is the null.
 * A planted cause moves {@code cases} complaints of one issue (from other companies) onto one
 * company and into the last {@link #RECENT_DAYS} days, as a company that starts mishandling one
 * kind of complaint would look. The narratives stay as written: real text, not a generator's.
 * <p>Text-only datasets ({@code textOnly}) leave the narratives alone to carry the cause: the
 * complaints are spread at random over five review vendors, the policy column holds one constant
 * value, and the cause moves {@code cases} complaints of one issue onto one vendor. No structured
 * field says what the moved complaints are about; only their words do.
 */
public final class CfpbPlanting {

  static final int DAYS = 42;
  static final int RECENT_DAYS = 6;
  static final LocalDate LAST_DAY = LocalDate.of(2023, 8, 31);
  /** A company must have this many complaints to receive a cause, and at most this share of all. */
  private static final int MIN_COMPANY = 5;
  private static final double MAX_COMPANY_SHARE = 0.25;
  private static final double[] WEEKDAY_WEIGHT = {1.15, 1.12, 1.08, 1.02, 0.98, 0.78, 0.72};
  static final List<String> REVIEW_VENDORS = List.of("Atlas Review", "Meridian Ops", "Northwind BPO", "Harbor Trust",
      "Keystone Moderation");
  static final String CONSTANT_POLICY = "consumer complaint";

  /** One dataset: its escalations, the window they span, and the cause planted (null for a null dataset). */
  record Dataset(List<RcaBenchmark.Row> rows, PlantedCause cause, LocalDate firstDay, LocalDate lastDay) {
  }

  private final List<CfpbComplaint> complaints;
  private final List<NarrativeDocument> documents;
  private final boolean textOnly;
  private final Policy policy;

  /**
   * What the policy column holds: the issue itself (the cause is in a field), one constant value, or
   * the coarse product (text-only: the field says too little to carry the cause).
   */
  enum Policy { ISSUE, CONSTANT, PRODUCT }

  CfpbPlanting(List<CfpbComplaint> complaints, List<NarrativeDocument> documents, Policy policy) {
    this.complaints = List.copyOf(complaints);
    this.documents = List.copyOf(documents);
    this.policy = policy;
    this.textOnly = policy != Policy.ISSUE;
  }

  /**
   * Plantings for benchmarks that read only the fields (`explain`): no narrative is analysed, and
   * each row's document is null.
   */
  static CfpbPlanting fieldsOnly(List<CfpbComplaint> complaints) {
    return new CfpbPlanting(complaints, List.of(), Policy.ISSUE);
  }

  int size() {
    return complaints.size();
  }

  Dataset dataset(int cases, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    LocalDate first = LAST_DAY.minusDays(DAYS - 1L);
    List<LocalDate> days = first.datesUntil(LAST_DAY.plusDays(1)).toList();
    String[] company = textOnly
        ? complaints.stream().map(c -> REVIEW_VENDORS.get(random.nextInt(REVIEW_VENDORS.size()))).toArray(String[]::new)
        : complaints.stream().map(CfpbComplaint::company).toArray(String[]::new);
    LocalDate[] day = new LocalDate[complaints.size()];
    boolean[] planted = new boolean[complaints.size()];
    for (int i = 0; i < day.length; i++) {
      day[i] = seasonalDay(days, random);
    }
    PlantedCause cause = null;
    if (cases > 0) {
      cause = plant(cases, random, company, day, planted);
    }
    List<RcaBenchmark.Row> rows = new ArrayList<>();
    for (int i = 0; i < complaints.size(); i++) {
      CfpbComplaint c = complaints.get(i);
      Map<String, String> dimensions = c.dimensions();
      dimensions.put("vendor", company[i]);
      if (policy != Policy.ISSUE) {
        dimensions.put("policy", policy == Policy.CONSTANT ? CONSTANT_POLICY : c.product());
      }
      rows.add(new RcaBenchmark.Row(c.id(), c.issue(), planted[i], day[i], dimensions,
          documents.isEmpty() ? null : documents.get(i)));
    }
    return new Dataset(rows, cause, first, LAST_DAY);
  }

  /** Picks a company and an issue it can receive {@code cases} complaints of, and moves them. */
  private PlantedCause plant(int cases, SplittableRandom random, String[] company, LocalDate[] day, boolean[] planted) {
    Map<String, Long> perCompany = java.util.Arrays.stream(company)
        .collect(Collectors.groupingBy(c -> c, Collectors.counting()));
    List<String> companies = textOnly ? REVIEW_VENDORS : perCompany.entrySet().stream()
        .filter(e -> e.getValue() >= MIN_COMPANY && e.getValue() <= MAX_COMPANY_SHARE * complaints.size())
        .map(Map.Entry::getKey).sorted().toList();
    if (companies.isEmpty()) {
      throw new IllegalArgumentException("no company has between " + MIN_COMPANY + " complaints and "
          + Math.round(MAX_COMPANY_SHARE * 100) + " % of all: the file is too small to plant a cause in");
    }
    String receiver = companies.get(random.nextInt(companies.size()));
    // Issues with enough complaints elsewhere to move.
    List<String> issues = java.util.stream.IntStream.range(0, complaints.size()).filter(i -> !company[i].equals(receiver))
        .mapToObj(i -> complaints.get(i).issue()).collect(Collectors.groupingBy(issue -> issue, Collectors.counting()))
        .entrySet().stream().filter(e -> e.getValue() >= cases && !e.getKey().equals(CfpbComplaint.NO_LABEL))
        .map(Map.Entry::getKey).sorted().toList();
    if (issues.isEmpty()) {
      throw new IllegalArgumentException("no issue has " + cases + " complaints outside " + receiver
          + ": plant fewer cases");
    }
    String issue = issues.get(random.nextInt(issues.size()));
    List<Integer> movable = new ArrayList<>();
    for (int i = 0; i < complaints.size(); i++) {
      if (complaints.get(i).issue().equals(issue) && !company[i].equals(receiver)) {
        movable.add(i);
      }
    }
    for (int k = 0; k < cases; k++) {
      int j = k + random.nextInt(movable.size() - k);
      java.util.Collections.swap(movable, k, j);
      int moved = movable.get(k);
      company[moved] = receiver;
      day[moved] = LAST_DAY.minusDays(random.nextInt(RECENT_DAYS));
      planted[moved] = true;
    }
    LocalDate start = movable.subList(0, cases).stream().map(i -> day[i]).min(Comparator.naturalOrder()).orElseThrow();
    // The planted cause names a policy only where the field carries it; a finding naming the vendor
    // with the moved complaints' policy (a coarse product) names it as well.
    String plantedPolicy = switch (policy) {
      case ISSUE -> issue;
      case CONSTANT -> CONSTANT_POLICY;
      case PRODUCT -> majorityProduct(movable.subList(0, cases));
    };
    return new PlantedCause(issue, plantedPolicy, receiver, null, start, cases, List.of());
  }

  private String majorityProduct(List<Integer> moved) {
    return moved.stream().map(i -> complaints.get(i).product())
        .collect(Collectors.groupingBy(p -> p, Collectors.counting())).entrySet().stream()
        .max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
        .map(Map.Entry::getKey).orElseThrow();
  }

  private static LocalDate seasonalDay(List<LocalDate> days, SplittableRandom random) {
    while (true) {
      LocalDate d = days.get(random.nextInt(days.size()));
      if (random.nextDouble() * 1.15 < WEEKDAY_WEIGHT[d.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue()]) {
        return d;
      }
    }
  }
}
