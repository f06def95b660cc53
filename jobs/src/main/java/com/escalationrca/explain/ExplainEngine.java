package com.escalationrca.explain;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.escalationrca.correlate.BenjaminiHochberg;
import com.escalationrca.correlate.LiftInterval;
import com.escalationrca.events.EventCitations;
import com.escalationrca.ingest.Field;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Explains the change of a window against a baseline (after Elastic's log rate analysis and
 * ThirdEye's drill-down): every dimension value and combination of up to three is a candidate;
 * each is tested for having changed more than the rest of the population (an exact conditional
 * binomial test: given its escalations in both periods, is its share in the window what the rest's
 * is?), Benjamini–Hochberg over all, and the significant ones are ranked by how much of the change
 * they account for. A combination is shown only when it changed more than each of its parts, and
 * of two candidates that tell the same story the more precise (or sharper) one is kept, so what is shown
 * can be added up: the share of the change left unexplained is that of every escalation no shown
 * explanation covers.
 */
@Service
public class ExplainEngine {

  static final double ALPHA = 0.05;
  /** A candidate needs this many escalations in both periods together to be tested. */
  static final int MIN_SUPPORT = 5;
  static final int MAX_DEPTH = 3;
  /** A more precise candidate replaces a broader one when it holds this share of the broader one's excess. */
  static final double SAME_STORY = 0.8;
  /** A more precise candidate holding this share of a broader one's excess is the same story, told sharper. */
  static final double HOLDS_ALL = 0.95;
  /** ... or one holding most of it while leaving out this share of the broader one's window escalations or more. */
  static final double NARROWER = 0.5;
  /** A share's precise candidate replaces a broader one only when it leaves out at least a tenth of its escalations. */
  static final double NARROWS = 0.9;
  /** Parts shown within an explanation. */
  static final int MAX_WITHIN = 3;
  /** Candidates named under an explanation as telling the same story. */
  static final int MAX_ALSO = 3;

  /** Clusters are candidates only when nights clustered at least this share of both periods' escalations. */
  static final double CLUSTER_COVERAGE = 0.95;
  /** Escalations named under each explanation. */
  static final int EXAMPLES = 5;

  private static final String CLUSTER = ExplainRequest.CLUSTER;
  private static final List<String> DIMENSIONS = Field.DIMENSIONS.stream().map(Field::key).toList();
  /** A cell's values: the dimensions, then the escalation's cluster in the latest night that clustered it. */
  private static final List<String> KEYS = java.util.stream.Stream.concat(DIMENSIONS.stream(), java.util.stream.Stream.of(CLUSTER)).toList();
  private static final int CLUSTER_AT = DIMENSIONS.size();
  /** An escalation's cluster in the latest completed night that clustered it (cluster ids hold across nights). */
  private static final String LATEST_CLUSTER = """
       left join lateral (select ca.cluster_id from cluster_assignment ca
        join rca_run r on r.run_id = ca.run_id and r.status = 'COMPLETED'
        where ca.escalation_id = e.id order by r.run_date desc, r.run_id desc limit 1) c on true
      """;

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ExplainEngine.class);

  private final JdbcTemplate jdbc;
  private final EventCitations citations;

  public ExplainEngine(JdbcTemplate jdbc, EventCitations citations) {
    this.jdbc = jdbc;
    this.citations = citations;
  }

  /** One combination of dimension values (dimension indexes ascending) with its counts in both periods. */
  private record Segment(List<Integer> dimensions, List<String> values) {
  }

  /** A combination of all values with its escalations in both periods ({@code hits}: those with the metric's value). */
  private record Cell(String[] values, long window, long baseline, long windowHits, long baselineHits) {

    Cell(String[] values, long window, long baseline) {
      this(values, window, baseline, 0, 0);
    }

    /** This cell's hits for a share metric: all of its escalations when it holds the value, else none. */
    Cell measured(ExplainRequest.Share share) {
      boolean hit = share.value().equals(values[DIMENSIONS.indexOf(share.dimension())]);
      return new Cell(values, window, baseline, hit ? window : 0, hit ? baseline : 0);
    }
  }

  private record Candidate(Segment segment, long window, long baseline, double expected, double p) {

    double excess() {
      return window - expected;
    }
  }

  public Explained explain(ExplainRequest request) {
    long started = System.nanoTime();
    List<Cell> all = cube(request);
    LOG.debug("explain: {} cells counted in {} ms", all.size(), (System.nanoTime() - started) / 1_000_000);
    List<String> notes = new ArrayList<>();
    boolean clusters = clustersCompare(all, request, notes);
    String cluster = request.where().get(CLUSTER);
    List<Cell> cells = cluster == null ? all : all.stream().filter(c -> cluster.equals(c.values()[CLUSTER_AT])).toList();
    Map<String, String> labels = labels(cells);
    if (request.share() != null) {
      return explainShare(request, cells.stream().map(c -> c.measured(request.share())).toList(), labels, notes, clusters);
    }
    long window = cells.stream().mapToLong(Cell::window).sum();
    long baseline = cells.stream().mapToLong(Cell::baseline).sum();
    String where = describeWhere(request);
    if (baseline == 0) {
      throw new IllegalArgumentException("no escalations (" + where + ") in the baseline " + request.baselineText()
          + (window == 0 ? " nor in the window " + request.from() + " – " + request.to() : "")
          + ": nothing to compare with; check the dates and the --where values");
    }
    double scale = (double) request.windowDays() / request.baselineDays();
    double expected = baseline * scale;
    double change = window - expected;
    Explained.Change headline = new Explained.Change(request.from() + " – " + request.to(),
        request.baselineText(), where, window, baseline, expected, change,
        window / expected, String.format("%s: %,d escalations against %,.0f expected, %+,.0f, %.1f×",
            capitalised(where), window, expected, change, window / expected), request.metric());

    java.util.Set<String> fixed = new java.util.HashSet<>(request.where().keySet());
    if (!clusters) {
      fixed.add(CLUSTER);
    }
    Map<Segment, long[]> counts = segments(cells, fixed);
    LOG.debug("explain: {} segments after {} ms", counts.size(), (System.nanoTime() - started) / 1_000_000);
    List<Candidate> candidates = new ArrayList<>();
    for (Map.Entry<Segment, long[]> e : counts.entrySet()) {
      long w = e.getValue()[0];
      long b = e.getValue()[1];
      long restWindow = window - w;
      long restBaseline = baseline - b;
      if (w + b < MIN_SUPPORT || restWindow + restBaseline == 0) {
        continue;
      }
      double p0 = (double) restWindow / (restWindow + restBaseline);
      candidates.add(new Candidate(e.getKey(), w, b, b * scale, pValue(w, b, p0, request.direction())));
    }
    double[] q = BenjaminiHochberg.adjust(candidates.stream().mapToDouble(Candidate::p).toArray());
    List<Integer> significant = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i++) {
      Candidate c = candidates.get(i);
      if (q[i] < ALPHA && inDirection(c.excess(), request.direction()) && changedItself(c)
          && moreThanItsParts(c, counts, scale)) {
        significant.add(i);
      }
    }
    significant.sort(Comparator.comparingDouble((Integer i) -> -Math.abs(candidates.get(i).excess()))
        .thenComparingDouble(i -> candidates.get(i).p()));
    // Grouped as causes are: a candidate whose excess lies mostly in escalations a shown one
    // already covers tells the same story and is folded under it (or, if more precise, replaces it).
    List<Integer> kept = new ArrayList<>();
    List<java.util.BitSet> keptCells = new ArrayList<>();
    Map<Integer, List<String>> also = new HashMap<>();
    Map<Integer, List<Integer>> within = new HashMap<>();
    for (int i : significant) {
      Candidate c = candidates.get(i);
      java.util.BitSet mine = matching(cells, c.segment());
      int same = -1;
      for (int k = 0; k < kept.size() && same < 0; k++) {
        java.util.BitSet both = (java.util.BitSet) mine.clone();
        both.and(keptCells.get(k));
        if (Math.abs(excess(cells, both, scale)) >= SAME_STORY * Math.abs(c.excess())) {
          same = k;
        }
      }
      if (same < 0) {
        // Several shown explanations together may hold it: "channel in_app_report" rising only by the
        // two causes shown above it, each holding less than most of it. It is folded under the one
        // holding most, and says nothing of its own.
        int carrier = carrier(cells, mine, keptCells, scale, c.excess());
        if (carrier >= 0) {
          List<String> folded = also.computeIfAbsent(kept.get(carrier), k -> new ArrayList<>());
          if (folded.size() < MAX_ALSO) {
            folded.add(describe(c.segment(), labels));
          }
          continue;
        }
        if (kept.size() == request.limit()) {
          continue;
        }
        kept.add(i);
        keptCells.add(mine);
        continue;
      }
      Candidate shown = candidates.get(kept.get(same));
      List<String> folded = also.computeIfAbsent(kept.get(same), k -> new ArrayList<>());
      boolean holds = Math.abs(c.excess()) >= SAME_STORY * Math.abs(shown.excess());
      boolean precise = contains(c.segment(), shown.segment());
      boolean replaces;
      if (precise && bystander(c, shown, counts, window)) {
        // A value that nearly all of the broader one's escalations have ("channel Web") sharpens nothing.
        if (folded.size() < MAX_ALSO) {
          folded.add(describe(c.segment(), labels));
        }
        continue;
      }
      if (precise) {
        // A part of a broader rise: it is the whole story when what the broader one holds beyond it
        // did not change more than the rest; otherwise both are shown.
        java.util.BitSet beyond = (java.util.BitSet) keptCells.get(same).clone();
        beyond.andNot(mine);
        long[] residual = counts(cells, beyond);
        long restWindow = window - residual[0];
        long restBaseline = baseline - residual[1];
        boolean residualChanged = restWindow + restBaseline > 0 && pValue(residual[0], residual[1],
            (double) restWindow / (restWindow + restBaseline), request.direction()) < ALPHA;
        // Nearly all of its excess, or most of it while leaving out much of the broader one (the plant
        // inside "language en"); not an associated value that trims a few of the broader one's
        // escalations ("∧ outcome Closed with relief" on a plant of credit-report complaints).
        boolean holdsAll = Math.abs(c.excess()) >= HOLDS_ALL * Math.abs(shown.excess());
        replaces = holdsAll || !residualChanged && c.window() < NARROWER * shown.window();
        if (!replaces) {
          // A part of a shown explanation: shown within it, so that contributions are not counted twice.
          List<Integer> parts = within.computeIfAbsent(kept.get(same), k -> new ArrayList<>());
          if (parts.size() < MAX_WITHIN) {
            parts.add(i);
          }
          continue;
        }
      } else {
        // A broader candidate takes a shown precise one's place when what the precise one adds are bystanders.
        replaces = holds && (contains(shown.segment(), c.segment()) ? bystander(shown, c, counts, window)
            : sharper(c, shown));
      }
      if (replaces) {
        also.put(i, folded);
        also.remove(kept.get(same));
        folded.add(describe(shown.segment(), labels));
        // The replaced one's parts stay parts of the one that replaced it when they are within it; the
        // others are explanations of their own (the plant "∧ market PH" beside "∧ language en").
        List<Integer> orphans = within.remove(kept.get(same));
        kept.set(same, i);
        keptCells.set(same, mine);
        for (int part : orphans == null ? List.<Integer>of() : orphans) {
          if (contains(candidates.get(part).segment(), c.segment())) {
            within.computeIfAbsent(i, k -> new ArrayList<>()).add(part);
          } else if (kept.size() < request.limit()) {
            kept.add(part);
            keptCells.add(matching(cells, candidates.get(part).segment()));
          }
        }
      } else if (folded.size() < MAX_ALSO) {
        folded.add(describe(c.segment(), labels));
      }
    }
    LOG.debug("explain: {} significant grouped after {} ms", significant.size(), (System.nanoTime() - started) / 1_000_000);
    // A broad value that rose only by the causes shown with it ("channel in_app_report", carrying two of
    // them) is ranked between them before the second is seen: once all are known, it is folded under
    // the one holding most of it, when narrower explanations together hold most of its excess.
    for (int k = kept.size() - 1; k >= 0; k--) {
      Candidate broad = candidates.get(kept.get(k));
      List<java.util.BitSet> narrower = new ArrayList<>();
      List<Integer> narrowerAt = new ArrayList<>();
      for (int j = 0; j < kept.size(); j++) {
        // Independent causes carry it; its own slices ("… ∧ action X") would only be parts of it.
        if (j != k && candidates.get(kept.get(j)).window() < broad.window()
            && !contains(candidates.get(kept.get(j)).segment(), broad.segment())) {
          narrower.add(keptCells.get(j));
          narrowerAt.add(j);
        }
      }
      int carrier = narrower.size() < 2 ? -1 : carrier(cells, keptCells.get(k), narrower, scale, broad.excess());
      if (carrier >= 0) {
        int into = kept.get(narrowerAt.get(carrier));
        LOG.debug("explain: {} folded under {}, carried by {}", describe(broad.segment(), labels),
            describe(candidates.get(into).segment(), labels),
            narrowerAt.stream().map(j -> describe(candidates.get(kept.get(j)).segment(), labels)).toList());
        List<String> folded = also.computeIfAbsent(into, x -> new ArrayList<>());
        // Named first: a reader who saw it rise wants to know where it went.
        folded.add(0, describe(broad.segment(), labels));
        if (folded.size() > MAX_ALSO) {
          folded.remove(folded.size() - 1);
        }
        also.remove(kept.get(k));
        within.remove(kept.get(k));
        kept.remove(k);
        keptCells.remove(k);
      }
    }
    // A precise candidate that took a broader one's place may hold slightly more or less: rank again.
    kept.sort(Comparator.comparingDouble((Integer i) -> -Math.abs(candidates.get(i).excess()))
        .thenComparingDouble(i -> candidates.get(i).p()));
    EventCitations.Citer citer = citations.forDays(request.baselineStart(), request.to());
    List<Explanation> explanations = new ArrayList<>();
    for (int i : kept) {
      Candidate c = candidates.get(i);
      explanations.add(explanation(explanations.size() + 1, c.segment(), c.window(), c.baseline(), c.expected(), c.p(),
          q[i], change, also.getOrDefault(i, List.of()), parts(within.getOrDefault(i, List.of()), candidates, q, change,
          request, labels, citer), values(c.segment()), request, labels, citer));
    }
    List<com.escalationrca.events.Event> events = events(request, citer);
    LOG.debug("explain: answered after {} ms", (System.nanoTime() - started) / 1_000_000);
    return new Explained(headline, explanations, candidates.size(), unexplained(cells, explanations, change, scale),
        daily(request), events, notes);
  }

  /** "market=BR, vendor=Meridian Ops matching '…'", or "all escalations". */
  private static String describeWhere(ExplainRequest request) {
    return (request.where().isEmpty() ? "all escalations"
        : request.where().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")))
        + (request.matching() == null ? "" : " " + request.matching().phrase());
  }

  /** The values an explanation names, and those the question fixed. */
  private static Map<String, String> withWhere(ExplainRequest request, Map<String, String> values) {
    Map<String, String> all = new LinkedHashMap<>(request.where());
    all.putAll(values);
    return all;
  }

  /**
   * The share of the population's escalations with a value (share:outcome=overturned): the headline
   * compares the window's share with the baseline's; every value and combination (not of the
   * metric's dimension) is a candidate whose share moved (Fisher's exact test of its window against
   * its baseline, Benjamini–Hochberg over all), and its contribution is the escalations with the
   * value it holds beyond its own baseline share, over the population's such excess.
   */
  private Explained explainShare(ExplainRequest request, List<Cell> cells, Map<String, String> labels, List<String> notes,
                                 boolean clusters) {
    ExplainRequest.Share share = request.share();
    long window = cells.stream().mapToLong(Cell::window).sum();
    long baseline = cells.stream().mapToLong(Cell::baseline).sum();
    long windowHits = cells.stream().mapToLong(Cell::windowHits).sum();
    long baselineHits = cells.stream().mapToLong(Cell::baselineHits).sum();
    String where = describeWhere(request);
    if (window == 0 || baseline == 0) {
      throw new IllegalArgumentException("no escalations (" + where + ") in the " + (window == 0 ? "window "
          + request.from() + " – " + request.to() : "baseline " + request.baselineText())
          + ": no share to compare; check the dates and the --where values");
    }
    double baselineShare = (double) baselineHits / baseline;
    double windowShare = (double) windowHits / window;
    double expected = window * baselineShare;
    double change = windowHits - expected;
    String subject = share.dimension() + " " + share.value();
    Explained.Change headline = new Explained.Change(request.from() + " – " + request.to(), request.baselineText(), where,
        windowHits, baselineHits, expected, change, baselineShare == 0 ? 0 : windowShare / baselineShare,
        String.format(java.util.Locale.ROOT, "%s: %.1f %% with %s in the window (%,d of %,d) against %.1f %% in the"
                + " baseline (%,d of %,d), %+.1f points: %,d against %,.0f expected at the baseline's share, %+,.0f",
            capitalised(where), 100 * windowShare, subject, windowHits, window, 100 * baselineShare, baselineHits,
            baseline, 100 * (windowShare - baselineShare), windowHits, expected, change), request.metric());
    java.util.Set<String> fixed = new java.util.HashSet<>(request.where().keySet());
    fixed.add(share.dimension());
    if (!clusters) {
      fixed.add(CLUSTER);
    }
    Map<Segment, long[]> counts = segments(cells, fixed);
    List<Segment> segments = new ArrayList<>();
    List<Double> pValues = new ArrayList<>();
    for (Map.Entry<Segment, long[]> e : counts.entrySet()) {
      long[] c = e.getValue();
      if (c[0] == 0 || c[1] == 0 || c[0] + c[1] < MIN_SUPPORT || c[2] + c[3] == 0) {
        continue;
      }
      segments.add(e.getKey());
      pValues.add(shareP(c, request.direction()));
    }
    double[] q = BenjaminiHochberg.adjust(pValues.stream().mapToDouble(Double::doubleValue).toArray());
    List<Integer> significant = new ArrayList<>();
    for (int i = 0; i < segments.size(); i++) {
      if (q[i] < ALPHA && inDirection(shareExcess(counts.get(segments.get(i))), request.direction())) {
        significant.add(i);
      }
    }
    significant.sort(Comparator.comparingDouble((Integer i) -> -Math.abs(shareExcess(counts.get(segments.get(i)))))
        .thenComparingDouble(pValues::get));
    // Grouped as counts are: one whose excess lies mostly in a shown one's escalations is folded
    // under it, or replaces it when it is more precise and holds nearly all of it.
    List<Integer> kept = new ArrayList<>();
    Map<Integer, List<String>> also = new HashMap<>();
    for (int i : significant) {
      long[] mine = counts.get(segments.get(i));
      int same = -1;
      for (int k = 0; k < kept.size() && same < 0; k++) {
        Segment shown = segments.get(kept.get(k));
        long[] theirs = counts.get(shown);
        double rate = (double) theirs[3] / theirs[1];
        if (Math.abs(shareExcessWithin(cells, segments.get(i), shown, rate)) >= SAME_STORY * Math.abs(shareExcess(mine))) {
          same = k;
        }
      }
      if (same < 0) {
        if (kept.size() < request.limit()) {
          kept.add(i);
        }
        continue;
      }
      int shown = kept.get(same);
      long[] theirs = counts.get(segments.get(shown));
      // More precise, holding nearly all of its excess, and truly narrower: "∧ policy spam" on reviews
      // that are all spam names the same escalations and is left folded.
      if (contains(segments.get(i), segments.get(shown)) && mine[0] <= NARROWS * theirs[0]
          && Math.abs(shareExcess(mine)) >= HOLDS_ALL * Math.abs(shareExcess(theirs))) {
        List<String> folded = also.computeIfAbsent(i, k -> new ArrayList<>());
        folded.add(describe(segments.get(shown), labels));
        folded.addAll(also.getOrDefault(shown, List.of()));
        also.remove(shown);
        kept.set(same, i);
      } else {
        List<String> folded = also.computeIfAbsent(shown, k -> new ArrayList<>());
        if (folded.size() < MAX_ALSO) {
          folded.add(describe(segments.get(i), labels));
        }
      }
    }
    EventCitations.Citer citer = citations.forDays(request.baselineStart(), request.to());
    List<Explanation> explanations = new ArrayList<>();
    double shown = 0;
    for (int i : kept) {
      long[] c = counts.get(segments.get(i));
      double segmentExpected = c[0] * ((double) c[3] / c[1]);
      shown += c[2] - segmentExpected;
      // Its examples and search are of escalations with the metric's value.
      Map<String, String> withValue = new LinkedHashMap<>(values(segments.get(i)));
      withValue.put(share.dimension(), share.value());
      explanations.add(explanation(explanations.size() + 1, segments.get(i), c[2], c[3], segmentExpected, pValues.get(i),
          q[i], change, also.getOrDefault(i, List.of()).stream().limit(MAX_ALSO).toList(), List.of(), withValue,
          request, labels, citer));
    }
    List<com.escalationrca.events.Event> events = events(request, citer);
    double unexplained = change == 0 ? 0 : Math.max(0, Math.min(1, 1 - shown / change));
    return new Explained(headline, explanations, segments.size(), unexplained, daily(request), events, notes);
  }

  /** The parts shown within an explanation, largest excess first. */
  private List<Explanation> parts(List<Integer> indexes, List<Candidate> candidates, double[] q, double change,
                                  ExplainRequest request, Map<String, String> labels, EventCitations.Citer citer) {
    List<Explanation> parts = new ArrayList<>();
    for (int i : indexes) {
      Candidate c = candidates.get(i);
      parts.add(explanation(0, c.segment(), c.window(), c.baseline(), c.expected(), c.p(), q[i], change, List.of(),
          List.of(), values(c.segment()), request, labels, citer));
    }
    parts.sort(Comparator.comparingDouble((Explanation x) -> -Math.abs(x.excess())));
    return parts;
  }

  /**
   * One explanation as shown: its counts in both periods and what the baseline predicts, its test,
   * its share of the change, the event it cites, and its escalations ({@code escalations}: the
   * values they have, its own and for a share the metric's).
   */
  private Explanation explanation(int rank, Segment segment, long window, long baseline, double expected, double p,
                                  double q, double change, List<String> also, List<Explanation> within,
                                  Map<String, String> escalations, ExplainRequest request, Map<String, String> labels,
                                  EventCitations.Citer citer) {
    Map<String, String> values = values(segment);
    String clusterId = values.get(CLUSTER);
    double excess = window - expected;
    LiftInterval lift = expected > 0 ? LiftInterval.of(window, expected, 0.95) : null;
    return new Explanation(rank, describe(segment, labels), values, clusterId,
        clusterId == null ? null : labels.get(clusterId), window, baseline, expected, excess,
        lift == null ? null : lift.lift(), lift == null ? null : lift.low(), lift == null ? null : lift.high(), p, q,
        change == 0 ? 0 : excess / change, List.copyOf(also), examples(request, escalations),
        search(request, escalations), citer.citeWindow(request.from(), request.to(), withWhere(request, values))
            .orElse(null), within);
  }

  /** The events of the question's days that concern its population (every event, for all escalations). */
  private static List<com.escalationrca.events.Event> events(ExplainRequest request, EventCitations.Citer citer) {
    Map<String, String> population = withWhere(request, Map.of());
    return citer.events().stream()
        .filter(e -> !e.last().isBefore(request.baselineStart()) && (population.isEmpty() || e.concerns(population)))
        .toList();
  }

  /** Escalations with the value in the window beyond what the segment's own baseline share predicts. */
  private static double shareExcess(long[] c) {
    return c[2] - c[0] * ((double) c[3] / c[1]);
  }

  /** The same excess over the cells both segments cover, at {@code rate}: how much of one the other holds. */
  private static double shareExcessWithin(List<Cell> cells, Segment a, Segment b, double rate) {
    java.util.BitSet both = matching(cells, a);
    both.and(matching(cells, b));
    double excess = 0;
    for (int c = both.nextSetBit(0); c >= 0; c = both.nextSetBit(c + 1)) {
      excess += cells.get(c).windowHits() - cells.get(c).window() * rate;
    }
    return excess;
  }

  /**
   * Fisher's exact test that a segment's share of escalations with the value differs between the
   * window and the baseline: given its escalations of both periods and its hits, are the window's
   * hits what drawing them at random would give (hypergeometric), in the direction asked.
   */
  static double shareP(long[] c, ExplainRequest.Direction direction) {
    int population = (int) (c[0] + c[1]);
    int hits = (int) (c[2] + c[3]);
    int draws = (int) c[0];
    org.apache.commons.math3.distribution.HypergeometricDistribution fisher =
        new org.apache.commons.math3.distribution.HypergeometricDistribution(null, population, hits, draws);
    double upper = fisher.upperCumulativeProbability((int) c[2]);
    double lower = fisher.cumulativeProbability((int) c[2]);
    return switch (direction) {
      case RISE -> upper;
      case DIP -> lower;
      case BOTH -> Math.min(1, 2 * Math.min(upper, lower));
    };
  }

  /**
   * Can clusters be compared across the two periods? Only when nights clustered nearly all of both
   * periods' escalations: a baseline older than the nights' windows would count every cluster low.
   */
  private static boolean clustersCompare(List<Cell> cells, ExplainRequest request, List<String> notes) {
    long[] total = new long[2];
    long[] clustered = new long[2];
    for (Cell cell : cells) {
      total[0] += cell.window();
      total[1] += cell.baseline();
      if (cell.values()[CLUSTER_AT] != null) {
        clustered[0] += cell.window();
        clustered[1] += cell.baseline();
      }
    }
    if (clustered[0] + clustered[1] == 0) {
      if (request.where().containsKey(CLUSTER)) {
        throw new IllegalArgumentException("--where cluster=" + request.where().get(CLUSTER) + ": no night has clustered"
            + " the escalations of these days; run the nightly job first, or leave the cluster out");
      }
      notes.add("Clusters left out: no night has clustered the escalations of these days yet.");
      return false;
    }
    double window = total[0] == 0 ? 1 : (double) clustered[0] / total[0];
    double baseline = total[1] == 0 ? 1 : (double) clustered[1] / total[1];
    if (Math.min(window, baseline) >= CLUSTER_COVERAGE) {
      return true;
    }
    String coverage = String.format("nights clustered %.0f %% of the window's escalations and %.0f %% of the"
        + " baseline's, so cluster counts of the two periods would not compare", 100 * window, 100 * baseline);
    if (request.where().containsKey(CLUSTER)) {
      throw new IllegalArgumentException("--where cluster=" + request.where().get(CLUSTER) + ": " + coverage
          + "; choose days the nightly runs covered (the run window, rca.run.window-days)");
    }
    notes.add("Clusters left out: " + coverage + ".");
    return false;
  }

  /** The labels of the clusters these cells hold, from the latest night that had each. */
  private Map<String, String> labels(List<Cell> cells) {
    String[] ids = cells.stream().map(c -> c.values()[CLUSTER_AT]).filter(java.util.Objects::nonNull).distinct()
        .toArray(String[]::new);
    Map<String, String> labels = new HashMap<>();
    if (ids.length == 0) {
      return labels;
    }
    jdbc.query("""
        select distinct on (rc.cluster_id) rc.cluster_id, rc.label from rca_cluster rc
        join rca_run r on r.run_id = rc.run_id and r.status = 'COMPLETED'
        where rc.cluster_id = any(?) order by rc.cluster_id, r.run_date desc, r.run_id desc
        """, rs -> {
          labels.put(rs.getString(1), rs.getString(2));
        }, (Object) ids);
    return labels;
  }

  /** The newest escalations of the window behind an explanation. */
  private List<String> examples(ExplainRequest request, Map<String, String> values) {
    Map<String, String> all = new LinkedHashMap<>(request.where());
    all.putAll(values);
    // The cluster join only when a cluster is asked for: otherwise every row of the window would pay it.
    StringBuilder sql = new StringBuilder("select e.external_id from escalation e")
        .append(all.containsKey(CLUSTER) ? LATEST_CLUSTER : "").append(" where e.created_at >= ? and e.created_at < ?");
    List<Object> arguments = new ArrayList<>(List.of(start(request.from()), start(request.to().plusDays(1))));
    narrow(sql, arguments, all, request.matching());
    sql.append(" order by e.created_at desc, e.external_id limit ").append(EXAMPLES);
    return jdbc.queryForList(sql.toString(), String.class, arguments.toArray());
  }

  /** The search that lists an explanation's escalations of the window: its values as exact filters. */
  private static Explanation.Search search(ExplainRequest request, Map<String, String> values) {
    Map<String, String> all = new LinkedHashMap<>(request.where());
    all.putAll(values);
    List<String> clauses = new ArrayList<>();
    // Look-alikes are no query: the search lists the explanation's values in the window (a superset).
    if (request.matching() != null && request.matching().query() != null) {
      clauses.add("(" + request.matching().query() + ")");
    }
    Map<String, String> filters = new LinkedHashMap<>();
    all.forEach((key, value) -> {
      if (!key.equals(CLUSTER)) {
        filters.put(key, value);
        clauses.add(key + ":\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
      }
    });
    return new Explanation.Search(clauses.isEmpty() ? "*:*" : String.join(" AND ", clauses),
        request.matching() == null ? null : request.matching().query(), filters, request.from(), request.to(),
        all.get(CLUSTER));
  }

  /** The population's escalations day by day, from the first baseline day to the window's last. */
  private List<Explained.Day> daily(ExplainRequest request) {
    ExplainRequest.Share share = request.share();
    StringBuilder sql = new StringBuilder("select (e.created_at at time zone 'UTC')::date, count(*), ")
        .append(share == null ? "0" : "count(*) filter (where e." + share.dimension() + " = ?)").append(" from escalation e");
    if (request.where().containsKey(CLUSTER)) {
      sql.append(LATEST_CLUSTER);
    }
    sql.append(" where e.created_at >= ? and e.created_at < ?");
    List<Object> arguments = new ArrayList<>();
    if (share != null) {
      arguments.add(share.value());
    }
    arguments.addAll(List.of(start(request.baselineStart()), start(request.to().plusDays(1))));
    narrow(sql, arguments, request.where(), request.matching());
    sql.append(" group by 1");
    Map<LocalDate, long[]> counts = new HashMap<>();
    jdbc.query(sql.toString(), rs -> {
      counts.put(rs.getObject(1, LocalDate.class), new long[] {rs.getLong(2), rs.getLong(3)});
    }, arguments.toArray());
    List<Explained.Day> days = new ArrayList<>();
    for (LocalDate day = request.baselineStart(); !day.isAfter(request.to()); day = day.plusDays(1)) {
      LocalDate d = day;
      Explained.Period period = !day.isBefore(request.from()) ? Explained.Period.WINDOW
          : request.baseline().stream().anyMatch(p -> !d.isBefore(p.from()) && !d.isAfter(p.to()))
          ? Explained.Period.BASELINE : Explained.Period.NEITHER;
      long[] count = counts.getOrDefault(day, new long[2]);
      days.add(new Explained.Day(day, count[0], share == null ? null : count[1], period));
    }
    return days;
  }

  /** Appends the question's narrowing: exact values (the cluster through the lateral join) and the search's matches. */
  private static void narrow(StringBuilder sql, List<Object> arguments, Map<String, String> values,
                             ExplainRequest.Matching matching) {
    values.forEach((key, value) -> {
      sql.append(key.equals(CLUSTER) ? " and c.cluster_id = ?" : " and e." + key + " = ?");
      arguments.add(value);
    });
    if (matching != null) {
      sql.append(" and e.external_id = any(?)");
      arguments.add(matching.externalIds().toArray(String[]::new));
    }
  }

  /** Escalations of both periods, counted by every combination of the eight dimensions and the cluster. */
  private List<Cell> cube(ExplainRequest request) {
    String columns = DIMENSIONS.stream().map(d -> "e." + d).collect(Collectors.joining(", ")) + ", c.cluster_id";
    StringBuilder sql = new StringBuilder("select ").append(columns)
        .append(", e.created_at >= ? as in_window, count(*) from escalation e").append(LATEST_CLUSTER)
        .append(" where ((e.created_at >= ? and e.created_at < ?)");
    List<Object> arguments = new ArrayList<>(List.of(start(request.from()), start(request.from()),
        start(request.to().plusDays(1))));
    for (ExplainRequest.Period period : request.baseline()) {
      sql.append(" or (e.created_at >= ? and e.created_at < ?)");
      arguments.add(start(period.from()));
      arguments.add(start(period.to().plusDays(1)));
    }
    sql.append(")");
    // The cluster is filtered after counting: what share of both periods nights clustered decides whether clusters compare.
    Map<String, String> values = new LinkedHashMap<>(request.where());
    values.remove(CLUSTER);
    narrow(sql, arguments, values, request.matching());
    sql.append(" group by ").append(columns).append(", in_window");
    Map<List<String>, long[]> cells = new LinkedHashMap<>();
    // One instance per value: cells are compared and hashed by value millions of times.
    Map<String, String> interned = new HashMap<>();
    jdbc.query(sql.toString(), rs -> {
      String[] cell = new String[KEYS.size()];
      for (int d = 0; d < cell.length; d++) {
        String value = rs.getString(d + 1);
        cell[d] = value == null ? null : interned.computeIfAbsent(value, v -> v);
      }
      long[] count = cells.computeIfAbsent(Arrays.asList(cell), k -> new long[2]);
      count[rs.getBoolean(KEYS.size() + 1) ? 0 : 1] += rs.getLong(KEYS.size() + 2);
    }, arguments.toArray());
    return cells.entrySet().stream()
        .map(e -> new Cell(e.getKey().toArray(String[]::new), e.getValue()[0], e.getValue()[1])).toList();
  }

  private static Timestamp start(LocalDate day) {
    return Timestamp.from(day.atStartOfDay().toInstant(ZoneOffset.UTC));
  }

  /** Counts of every combination of up to three values, leaving out the dimensions the question fixes. */
  private static Map<Segment, long[]> segments(List<Cell> cells, java.util.Set<String> fixed) {
    int[] free = java.util.stream.IntStream.range(0, KEYS.size()).filter(d -> !fixed.contains(KEYS.get(d))).toArray();
    // Counted under a light key (the dimensions as bits, the values interned by the cube), then named:
    // a million escalations make over ten million subset updates, so no lists are built per update.
    Map<SubsetKey, long[]> counts = new HashMap<>(1 << 14);
    int[] dims = new int[free.length];
    String[] values = new String[free.length];
    for (Cell cell : cells) {
      int m = 0;
      for (int d : free) {
        String value = cell.values()[d];
        if (value != null && !value.isBlank()) {
          dims[m] = d;
          values[m++] = value;
        }
      }
      for (int i = 0; i < m; i++) {
        add(counts, new SubsetKey(1 << dims[i], values[i], null, null), cell);
        for (int j = i + 1; j < m && MAX_DEPTH > 1; j++) {
          add(counts, new SubsetKey(1 << dims[i] | 1 << dims[j], values[i], values[j], null), cell);
          for (int k = j + 1; k < m && MAX_DEPTH > 2; k++) {
            add(counts, new SubsetKey(1 << dims[i] | 1 << dims[j] | 1 << dims[k], values[i], values[j], values[k]), cell);
          }
        }
      }
    }
    Map<Segment, long[]> segments = new HashMap<>(counts.size() * 2);
    counts.forEach((key, count) -> segments.put(key.segment(), count));
    return segments;
  }

  /** A subset of a cell's values: its dimensions as bits (ascending), and up to three values in that order. */
  private record SubsetKey(int dimensions, String a, String b, String c) {

    Segment segment() {
      List<Integer> dims = new ArrayList<>();
      for (int d = 0; d < KEYS.size(); d++) {
        if ((dimensions & 1 << d) != 0) {
          dims.add(d);
        }
      }
      List<String> values = java.util.stream.Stream.of(a, b, c).filter(java.util.Objects::nonNull).toList();
      return new Segment(List.copyOf(dims), values);
    }
  }

  private static void add(Map<SubsetKey, long[]> counts, SubsetKey key, Cell cell) {
    long[] count = counts.computeIfAbsent(key, k -> new long[4]);
    count[0] += cell.window();
    count[1] += cell.baseline();
    count[2] += cell.windowHits();
    count[3] += cell.baselineHits();
  }

  /** The exact conditional test of the segment's window share against the rest's, in the direction asked. */
  static double pValue(long window, long baseline, double restShare, ExplainRequest.Direction direction) {
    double upper;
    double lower;
    if (restShare <= 0) {
      upper = window > 0 ? 0 : 1;
      lower = 1;
    } else if (restShare >= 1) {
      upper = 1;
      lower = baseline > 0 ? 0 : 1;
    } else {
      BinomialDistribution binomial = new BinomialDistribution(null, (int) (window + baseline), restShare);
      upper = window == 0 ? 1 : 1 - binomial.cumulativeProbability((int) window - 1);
      lower = binomial.cumulativeProbability((int) window);
    }
    return switch (direction) {
      case RISE -> upper;
      case DIP -> lower;
      case BOTH -> Math.min(1, 2 * Math.min(upper, lower));
    };
  }

  private static boolean inDirection(double excess, ExplainRequest.Direction direction) {
    return switch (direction) {
      case RISE -> excess > 0;
      case DIP -> excess < 0;
      case BOTH -> excess != 0;
    };
  }

  /**
   * Its own count moved beyond chance against its baseline rate, not only against the rest: when one
   * problem doubles the total, every other value's share falls, and those relative dips explain nothing.
   */
  private static boolean changedItself(Candidate c) {
    if (c.expected() == 0) {
      return c.window() > 0;
    }
    LiftInterval lift = LiftInterval.of(c.window(), c.expected(), 0.95);
    return c.excess() > 0 ? lift.low() > 1 : lift.high() < 1;
  }

  /**
   * Are the values a precise candidate adds to a broader one bystanders? They are when the broader
   * one's window escalations hold them no more often than all the window's escalations do (one-sided
   * binomial test at {@link #ALPHA}): "∧ channel Web" on a plant when nearly every complaint comes
   * by the web says nothing more, while "∧ vendor V ∧ market PH" inside "language en" does.
   */
  private static boolean bystander(Candidate precise, Candidate broad, Map<Segment, long[]> counts, long window) {
    List<Integer> dimensions = new ArrayList<>();
    List<String> values = new ArrayList<>();
    for (int i = 0; i < precise.segment().dimensions().size(); i++) {
      if (!broad.segment().dimensions().contains(precise.segment().dimensions().get(i))) {
        dimensions.add(precise.segment().dimensions().get(i));
        values.add(precise.segment().values().get(i));
      }
    }
    long[] extra = counts.get(new Segment(dimensions, values));
    if (extra == null || window == 0 || broad.window() == 0 || precise.window() == 0) {
      return false;
    }
    double share = Math.min(1.0, (double) extra[0] / window);
    if (share >= 1.0) {
      return true;
    }
    BinomialDistribution binomial = new BinomialDistribution(null, (int) broad.window(), share);
    return 1 - binomial.cumulativeProbability((int) precise.window() - 1) >= ALPHA;
  }

  /** A combination is worth showing only when its change is beyond each part's (by its 95 % interval). */
  private static boolean moreThanItsParts(Candidate c, Map<Segment, long[]> counts, double scale) {
    List<Integer> dimensions = c.segment().dimensions();
    if (dimensions.size() == 1 || c.expected() == 0) {
      return true;
    }
    LiftInterval lift = LiftInterval.of(c.window(), c.expected(), 0.95);
    for (int leave = 0; leave < dimensions.size(); leave++) {
      List<Integer> d = new ArrayList<>(dimensions);
      List<String> v = new ArrayList<>(c.segment().values());
      d.remove(leave);
      v.remove(leave);
      long[] part = counts.get(new Segment(d, v));
      if (part == null || part[1] == 0) {
        continue;
      }
      double partLift = part[0] / (part[1] * scale);
      if (c.excess() > 0 ? lift.low() <= partLift : lift.high() >= partLift) {
        return false;
      }
    }
    return true;
  }

  /**
   * Of two candidates that tell the same story, the one with fewer bystanders: its lift's lower
   * bound is higher ("vendor ∧ market PH" over "vendor ∧ language en" when the problem is in PH).
   */
  private static boolean sharper(Candidate a, Candidate b) {
    if (b.expected() == 0) {
      return false;
    }
    if (a.expected() == 0) {
      return true;
    }
    return LiftInterval.of(a.window(), a.expected(), 0.95).low() > LiftInterval.of(b.window(), b.expected(), 0.95).low();
  }

  /** The cells (combinations of all eight values and the cluster) that a segment covers. */
  private static java.util.BitSet matching(List<Cell> cells, Segment segment) {
    java.util.BitSet bits = new java.util.BitSet(cells.size());
    for (int c = 0; c < cells.size(); c++) {
      String[] values = cells.get(c).values();
      boolean all = true;
      for (int i = 0; i < segment.dimensions().size() && all; i++) {
        all = segment.values().get(i).equals(values[segment.dimensions().get(i)]);
      }
      bits.set(c, all);
    }
    return bits;
  }

  private static long[] counts(List<Cell> cells, java.util.BitSet which) {
    long[] counts = new long[2];
    for (int c = which.nextSetBit(0); c >= 0; c = which.nextSetBit(c + 1)) {
      counts[0] += cells.get(c).window();
      counts[1] += cells.get(c).baseline();
    }
    return counts;
  }

  private static double excess(List<Cell> cells, java.util.BitSet which, double scale) {
    double excess = 0;
    for (int c = which.nextSetBit(0); c >= 0; c = which.nextSetBit(c + 1)) {
      excess += cells.get(c).window() - cells.get(c).baseline() * scale;
    }
    return excess;
  }

  /**
   * The shown explanation holding the most of a candidate's excess when the shown ones together hold
   * {@link #SAME_STORY} of it (-1 otherwise).
   */
  private static int carrier(List<Cell> cells, java.util.BitSet mine, List<java.util.BitSet> keptCells, double scale,
                             double excess) {
    if (keptCells.size() < 2) {
      return -1;
    }
    java.util.BitSet union = new java.util.BitSet();
    keptCells.forEach(union::or);
    union.and(mine);
    if (Math.abs(excess(cells, union, scale)) < SAME_STORY * Math.abs(excess)) {
      return -1;
    }
    int best = -1;
    double most = 0;
    for (int k = 0; k < keptCells.size(); k++) {
      java.util.BitSet both = (java.util.BitSet) mine.clone();
      both.and(keptCells.get(k));
      double held = Math.signum(excess) * excess(cells, both, scale);
      if (best < 0 || held > most) {
        best = k;
        most = held;
      }
    }
    // One explanation holding most of it tells the same story, not several carrying it: the rules for
    // the same story (precision, sharpness) decide that case.
    return most >= SAME_STORY * Math.abs(excess) ? -1 : best;
  }

  /** Does {@code precise} name every value of {@code broad} (and more)? */
  private static boolean contains(Segment precise, Segment broad) {
    if (precise.dimensions().size() <= broad.dimensions().size()) {
      return false;
    }
    for (int i = 0; i < broad.dimensions().size(); i++) {
      int at = precise.dimensions().indexOf(broad.dimensions().get(i));
      if (at < 0 || !precise.values().get(at).equals(broad.values().get(i))) {
        return false;
      }
    }
    return true;
  }

  /** The share of the change that no shown explanation's escalations account for. */
  private static double unexplained(List<Cell> cells, List<Explanation> explanations, double change, double scale) {
    if (change == 0) {
      return 0;
    }
    int[][] dims = explanations.stream().map(x -> x.values().keySet().stream().mapToInt(KEYS::indexOf).toArray())
        .toArray(int[][]::new);
    String[][] values = explanations.stream().map(x -> x.values().values().toArray(String[]::new)).toArray(String[][]::new);
    double covered = 0;
    for (Cell cell : cells) {
      boolean matches = false;
      for (int x = 0; x < dims.length && !matches; x++) {
        matches = true;
        for (int v = 0; v < dims[x].length && matches; v++) {
          matches = values[x][v].equals(cell.values()[dims[x][v]]);
        }
      }
      if (matches) {
        covered += cell.window() - cell.baseline() * scale;
      }
    }
    return Math.max(0, 1 - covered / change);
  }

  private static Map<String, String> values(Segment s) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < s.dimensions().size(); i++) {
      values.put(KEYS.get(s.dimensions().get(i)), s.values().get(i));
    }
    return values;
  }

  /** "vendor Meridian Ops ∧ market BR", a cluster with its label: "cluster C0012 (chargeback refused)". */
  private static String describe(Segment s, Map<String, String> labels) {
    return values(s).entrySet().stream().map(e -> e.getKey() + " " + e.getValue()
            + (e.getKey().equals(CLUSTER) && labels.containsKey(e.getValue()) ? " (" + labels.get(e.getValue()) + ")" : ""))
        .collect(Collectors.joining(" ∧ "));
  }

  private static String capitalised(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
