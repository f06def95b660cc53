package com.escalationrca.explain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.escalationrca.ingest.Field;

/**
 * A program manager's question: what explains the change in this window (days, both included)
 * against that baseline (one period, or the same weekdays of several weeks before), within these
 * dimension values, in this direction.
 */
public record ExplainRequest(LocalDate from, LocalDate to, List<Period> baseline, Map<String, String> where,
                             Direction direction, int limit, Matching matching, Share share) {

  /**
   * The metric {@code share:DIM=VALUE}: the share of the population's escalations with a value
   * ("share:outcome=overturned", a vendor's quality), instead of their count.
   */
  public record Share(String dimension, String value) {

    public Share {
      if (!Field.DIMENSIONS.contains(Field.byKey(dimension).orElse(Field.ID)) || value == null || value.isBlank()) {
        throw new IllegalArgumentException("--metric share:" + dimension + "=" + value + ": write share:DIM=VALUE with DIM"
            + " one of " + String.join(", ", Field.DIMENSIONS.stream().map(Field::key).toList())
            + ", e.g. share:outcome=overturned");
      }
    }

    /** "count" or "share:DIM=VALUE" as the CLI, the page and the API take it. */
    public static Share parse(String metric) {
      String text = metric == null ? "" : metric.strip();
      if (text.isEmpty() || text.equals("count")) {
        return null;
      }
      int equals = text.indexOf('=');
      if (!text.startsWith("share:") || equals < 0) {
        throw new IllegalArgumentException("--metric is '" + text + "': count, or share:DIM=VALUE (e.g. share:outcome=overturned)");
      }
      return new Share(text.substring("share:".length(), equals).strip(), text.substring(equals + 1).strip());
    }

    @Override
    public String toString() {
      return "share:" + dimension + "=" + value;
    }
  }

  /** The narrative cluster, beside the dimensions: {@code --where cluster=C0012}. */
  public static final String CLUSTER = "cluster";

  /**
   * The escalations a search query matched (their external ids), narrowing the population as
   * {@code where} does; the query is kept for the headline.
   */
  public record Matching(String query, java.util.Set<String> externalIds, String similarTo) {

    /** Look-alikes of an escalation the population holds: enough for a week to show a rise against four before. */
    public static final int LOOK_ALIKES = 200;

    public Matching {
      if ((query == null || query.isBlank()) && similarTo == null) {
        throw new IllegalArgumentException("--query is empty: give a search query (the search syntax), or leave it out");
      }
      externalIds = java.util.Set.copyOf(externalIds);
    }

    public Matching(String query, java.util.Set<String> externalIds) {
      this(query, externalIds, null);
    }

    /**
     * The escalations most like one (more-like-this over the narratives) and the escalation itself:
     * "is this escalation part of a pattern?".
     */
    public static Matching similarTo(String externalId, java.util.Set<String> lookAlikes) {
      if (lookAlikes.isEmpty()) {
        throw new IllegalArgumentException("no escalation is like '" + externalId + "': it is not indexed, or its"
            + " narrative shares no distinctive words with another");
      }
      java.util.Set<String> all = new java.util.HashSet<>(lookAlikes);
      all.add(externalId);
      return new Matching(null, all, externalId);
    }

    /** How the headline names the population: "matching '…'" or "like ESC-00000042". */
    public String phrase() {
      return similarTo != null ? "like " + similarTo + " (its " + (externalIds.size() - 1) + " most similar)"
          : "matching '" + query + "'";
    }
  }

  /** Which change to explain: a rise, a dip, or whichever the window shows. */
  public enum Direction { RISE, DIP, BOTH }

  /** Days from one to another, both included. */
  public record Period(LocalDate from, LocalDate to) {

    public Period {
      if (to.isBefore(from)) {
        throw new IllegalArgumentException("the baseline ends (" + to + ") before it starts (" + from + ")");
      }
    }

    public long days() {
      return ChronoUnit.DAYS.between(from, to) + 1;
    }

    @Override
    public String toString() {
      return from.equals(to) ? from.toString() : from + " – " + to;
    }
  }

  public ExplainRequest {
    checkWindow(from, to);
    for (Period p : baseline) {
      if (!p.to().isBefore(from) && !p.from().isAfter(to)) {
        throw new IllegalArgumentException("the baseline " + p + " overlaps the window " + from + " – " + to
            + "; a baseline is another period");
      }
    }
    for (String dimension : where.keySet()) {
      if (!dimension.equals(CLUSTER) && !Field.DIMENSIONS.contains(Field.byKey(dimension).orElse(Field.ID))) {
        throw new IllegalArgumentException("--where " + dimension + "=…: '" + dimension + "' is not a dimension (one of "
            + String.join(", ", Field.DIMENSIONS.stream().map(Field::key).toList()) + ", or cluster)");
      }
    }
    if (limit < 1) {
      throw new IllegalArgumentException("--limit must be at least 1, was " + limit);
    }
    if (share != null && where.containsKey(share.dimension())) {
      throw new IllegalArgumentException("--metric " + share + " with --where " + share.dimension() + "=…: within one "
          + share.dimension() + " the share is 0 or 100 %; narrow by another dimension");
    }
    baseline = List.copyOf(baseline);
    where = new LinkedHashMap<>(where);
  }

  public ExplainRequest(LocalDate from, LocalDate to, List<Period> baseline, Map<String, String> where,
                        Direction direction, int limit) {
    this(from, to, baseline, where, direction, limit, null, null);
  }

  /** The same question about the escalations a search query matched only. */
  public ExplainRequest matching(Matching matching) {
    return new ExplainRequest(from, to, baseline, where, direction, limit, matching, share);
  }

  /** The same question about the share of escalations with a value (null: their count). */
  public ExplainRequest measuring(Share metric) {
    return new ExplainRequest(from, to, baseline, where, direction, limit, matching, metric);
  }

  /** "count" or "share:DIM=VALUE". */
  public String metric() {
    return share == null ? "count" : share.toString();
  }

  private static void checkWindow(LocalDate from, LocalDate to) {
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("the window ends (" + to + ") before it starts (" + from + ")");
    }
  }

  /**
   * The question as the CLI, the page and the API take it: a baseline of one's own (both days), or
   * {@code previous}, or {@code weekdays:N}. Bad input is an IllegalArgumentException in plain words.
   */
  public static ExplainRequest of(LocalDate from, LocalDate to, String baseline, LocalDate baselineFrom,
                                  LocalDate baselineTo, Map<String, String> where, Direction direction, int limit) {
    if (from == null || to == null) {
      throw new IllegalArgumentException("give the window's first and last day (--from and --to)");
    }
    if ((baselineFrom == null) != (baselineTo == null)) {
      throw new IllegalArgumentException("--baseline-from and --baseline-to go together");
    }
    if (baselineFrom != null) {
      return between(from, to, baselineFrom, baselineTo, where, direction, limit);
    }
    String kind = baseline == null || baseline.isBlank() ? "previous" : baseline.strip();
    if (kind.equals("previous")) {
      return previous(from, to, where, direction, limit);
    }
    if (kind.matches("weekdays:\\d{1,2}")) {
      return weekdays(from, to, Integer.parseInt(kind.substring("weekdays:".length())), where, direction, limit);
    }
    throw new IllegalArgumentException("--baseline is '" + kind + "': previous or weekdays:N (e.g. weekdays:4)");
  }

  /** A baseline of one period. */
  public static ExplainRequest between(LocalDate from, LocalDate to, LocalDate baselineFrom, LocalDate baselineTo,
                                       Map<String, String> where, Direction direction, int limit) {
    checkWindow(from, to);
    return new ExplainRequest(from, to, List.of(new Period(baselineFrom, baselineTo)), where, direction, limit);
  }

  /** The default baseline: the period just before the window, four times as long. */
  public static ExplainRequest previous(LocalDate from, LocalDate to, Map<String, String> where, Direction direction,
                                        int limit) {
    checkWindow(from, to);
    long days = ChronoUnit.DAYS.between(from, to) + 1;
    return between(from, to, from.minusDays(4 * days), from.minusDays(1), where, direction, limit);
  }

  /**
   * The same weekdays of the {@code weeks} weeks before: a Tuesday against the four Tuesdays before
   * it, so that a weekly rhythm is not taken for a change. The window is at most 7 days.
   */
  public static ExplainRequest weekdays(LocalDate from, LocalDate to, int weeks, Map<String, String> where,
                                        Direction direction, int limit) {
    checkWindow(from, to);
    if (ChronoUnit.DAYS.between(from, to) + 1 > 7 || weeks < 1) {
      throw new IllegalArgumentException("--baseline weekdays:N compares a window of at most 7 days with the same"
          + " weekdays of N ≥ 1 weeks before; the window " + from + " – " + to + " is longer, or N is below 1");
    }
    List<Period> periods = new ArrayList<>();
    for (int week = 1; week <= weeks; week++) {
      periods.add(new Period(from.minusWeeks(week), to.minusWeeks(week)));
    }
    return new ExplainRequest(from, to, periods, where, direction, limit);
  }

  public long windowDays() {
    return ChronoUnit.DAYS.between(from, to) + 1;
  }

  public long baselineDays() {
    return baseline.stream().mapToLong(Period::days).sum();
  }

  /** The baseline in words: "2026-10-17 – 2026-11-13", or its periods joined. */
  public String baselineText() {
    return baseline.stream().map(Period::toString).collect(Collectors.joining(", "));
  }

  /** The earliest baseline day. */
  public LocalDate baselineStart() {
    return baseline.stream().map(Period::from).min(LocalDate::compareTo).orElse(from);
  }
}
