package com.escalationrca.generate;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Streams realistic synthetic Trust &amp; Safety escalations with weekly seasonality and planted
 * root causes. Deterministic for a spec: every random draw comes from one seeded generator, and
 * nothing is held in memory but the current row.
 */
public final class EscalationGenerator {

  /** Weekday volume relative to the mean: reports rise on weekdays and dip at the weekend. */
  private static final double[] WEEKDAY_WEIGHT = {1.15, 1.12, 1.08, 1.02, 0.98, 0.78, 0.72};

  private final Vocabulary vocabulary = Vocabulary.load();
  private final NarrativeComposer composer = new NarrativeComposer(vocabulary);
  private final WeightedChoice<String> channels = WeightedChoice.of(vocabulary.channels());
  private final WeightedChoice<String> priorities = WeightedChoice.of(vocabulary.priorities());
  private final WeightedChoice<String> actions = WeightedChoice.of(vocabulary.actions());
  private final WeightedChoice<String> outcomes = WeightedChoice.of(vocabulary.outcomes());
  private final java.util.Map<String, WeightedChoice<String>> languagesByMarket =
      vocabulary.markets().stream().collect(java.util.stream.Collectors.toMap(
          Vocabulary.Market::code, m -> WeightedChoice.of(m.languages())));

  /** Generates the dataset row by row and returns what was planted. */
  public GroundTruth generate(GeneratorSpec spec, Consumer<GeneratedEscalation> sink) {
    SplittableRandom random = new SplittableRandom(spec.seed());
    List<PlantedCause> causes = plan(spec, random);
    long plantedTotal = causes.stream().mapToLong(PlantedCause::count).sum();
    long baseline = Math.max(0, spec.escalations() - plantedTotal);

    WeightedChoice<LocalDate> days = seasonalDays(spec.firstDay(), spec.lastDay());
    WeightedChoice<String> policies = WeightedChoice.of(vocabulary.policies());
    WeightedChoice<String> vendors = new WeightedChoice<>(vocabulary.vendors(), vocabulary.vendorWeights());
    WeightedChoice<Vocabulary.Market> markets = new WeightedChoice<>(vocabulary.markets(),
        vocabulary.markets().stream().map(Vocabulary.Market::weight).toList());
    long sequence = 0;
    java.util.Map<String, WeightedChoice<Vocabulary.Theme>> themesByPolicy = new java.util.HashMap<>();
    vocabulary.policies().keySet().forEach(p -> themesByPolicy.put(p, new WeightedChoice<>(vocabulary.themesOf(p),
        vocabulary.themesOf(p).stream().map(Vocabulary.Theme::weight).toList())));
    for (long i = 0; i < baseline; i++) {
      String policy = policies.next(random);
      Vocabulary.Theme theme = themesByPolicy.get(policy).next(random);
      sink.accept(escalation(++sequence, theme, policy, vendors.next(random), markets.next(random),
          days.next(random), false, random));
    }
    for (PlantedCause cause : causes) {
      WeightedChoice<LocalDate> causeDays = spec.causeShape() == CauseShape.RAMP
          ? rampDays(cause.start(), spec.lastDay()) : seasonalDays(cause.start(), spec.lastDay());
      Vocabulary.Theme theme = vocabulary.theme(cause.theme());
      for (int i = 0; i < cause.count(); i++) {
        sink.accept(escalation(++sequence, theme, cause.policy(), cause.vendor(), vocabulary.market(cause.market()),
            causeDays.next(random), true, random));
      }
    }
    return new GroundTruth(spec, sequence, causes);
  }

  /**
   * Picks distinct themes (the spec's named ones first) and, for each, a vendor, a market, a policy
   * when the theme occurs under every policy, and a start 3–10 days before the last day (21–28 for
   * a ramp). Each cause gets about 1.5 % of the rows (at least 20), a lift of several times its baseline.
   */
  private List<PlantedCause> plan(GeneratorSpec spec, SplittableRandom random) {
    List<Integer> order = new ArrayList<>(IntStream.range(0, vocabulary.themes().size()).boxed().toList());
    List<PlantedCause> causes = new ArrayList<>();
    int perCause = spec.casesPerCause() > 0 ? spec.casesPerCause()
        : (int) Math.max(20, Math.round(spec.escalations() * 0.015));
    WeightedChoice<String> policies = WeightedChoice.of(vocabulary.policies());
    for (int c = 0; c < spec.causes(); c++) {
      int pick = c < spec.causeThemes().size()
          ? order.indexOf(vocabulary.themes().indexOf(vocabulary.theme(spec.causeThemes().get(c))))
          : c + random.nextInt(order.size() - c);
      java.util.Collections.swap(order, c, pick);
      Vocabulary.Theme theme = vocabulary.themes().get(order.get(c));
      String policy = theme.isCrossPolicy() ? policies.next(random) : theme.policy();
      String vendor = vocabulary.vendors().get(random.nextInt(vocabulary.vendors().size()));
      String market = vocabulary.markets().get(random.nextInt(vocabulary.markets().size())).code();
      int lead = Math.min(spec.days() - 1, (spec.causeShape() == CauseShape.RAMP ? 21 : 3) + random.nextInt(8));
      causes.add(new PlantedCause(theme.key(), policy, vendor, market,
          spec.lastDay().minusDays(lead), perCause, theme.terms()));
    }
    return causes;
  }

  private GeneratedEscalation escalation(long sequence, Vocabulary.Theme theme, String policy, String vendor,
                                         Vocabulary.Market market, LocalDate day, boolean planted,
                                         SplittableRandom random) {
    String language = languagesByMarket.get(market.code()).next(random);
    List<String> tags = vocabulary.languageTags().get(language);
    // Busier in the afternoon: the sum of two uniform draws peaks mid-day.
    long secondOfDay = Math.min(86_399, (long) ((random.nextDouble() + random.nextDouble()) * 43_200));
    Instant created = day.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(secondOfDay);
    Instant updated = created.plusSeconds(random.nextInt(3 * 86_400));
    return new GeneratedEscalation(String.format("ESC-%08d", sequence), created, updated,
        composer.compose(theme, language, market.code(), random), policy, vendor,
        market.code(), tags.get(random.nextInt(tags.size())),
        channels.next(random), priorities.next(random), actions.next(random), outcomes.next(random),
        theme.key(), planted);
  }

  /** Days from {@code first} to {@code last}, weekday-weighted and rising linearly: a slow trend. */
  private static WeightedChoice<LocalDate> rampDays(LocalDate first, LocalDate last) {
    List<LocalDate> days = first.datesUntil(last.plusDays(1)).toList();
    List<Double> weights = new ArrayList<>();
    for (int i = 0; i < days.size(); i++) {
      weights.add((i + 1) * WEEKDAY_WEIGHT[days.get(i).getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue()]);
    }
    return new WeightedChoice<>(days, weights);
  }

  private static WeightedChoice<LocalDate> seasonalDays(LocalDate first, LocalDate last) {
    List<LocalDate> days = first.datesUntil(last.plusDays(1)).toList();
    List<Double> weights = days.stream()
        .map(d -> WEEKDAY_WEIGHT[d.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue()]).toList();
    return new WeightedChoice<>(days, weights);
  }
}
