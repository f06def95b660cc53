package com.escalationrca.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.escalationrca.explain.ExplainRequest;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The investigate page's and {@code /api/explain}'s parameters, the options of {@code rca explain}:
 * the window ({@code from}, {@code to}), the baseline ({@code baseline=previous|weekdays:N}, or
 * {@code baselineFrom} and {@code baselineTo}), {@code where=DIM=VALUE} (repeatable, {@code
 * cluster=C0012} too), {@code q} (a search query, analysts only), {@code direction} and {@code limit}.
 * The form is a GET, so its address is a permalink.
 */
public record InvestigateForm(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                              @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                              String baseline,
                              @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate baselineFrom,
                              @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate baselineTo,
                              List<String> where, String q, String direction, Integer limit, String metric,
                              String similar) {

  /** Explanations a page or an API call may ask for at most. */
  static final int MAX_LIMIT = 50;
  /** Days the window spans when a link names none: a week ending on the day given. */
  public static final int DEFAULT_DAYS = 7;

  public InvestigateForm {
    baseline = baseline == null || baseline.isBlank() ? "previous" : baseline.strip();
    where = where == null ? List.of() : where.stream().filter(w -> w != null && !w.isBlank()).map(String::strip).toList();
    q = q == null || q.isBlank() ? null : q.strip();
    direction = direction == null || direction.isBlank() ? "both" : direction.strip().toLowerCase(Locale.ROOT);
    limit = limit == null ? 10 : limit;
    metric = metric == null || metric.isBlank() ? "count" : metric.strip();
    similar = similar == null || similar.isBlank() ? null : similar.strip();
  }

  public InvestigateForm(LocalDate from, LocalDate to, String baseline, LocalDate baselineFrom, LocalDate baselineTo,
                         List<String> where, String q, String direction, Integer limit) {
    this(from, to, baseline, baselineFrom, baselineTo, where, q, direction, limit, null, null);
  }

  /** The look-alikes of an escalation (analysts), in the week ending on its day: is it part of a pattern? */
  public static InvestigateForm likeEscalation(String externalId, LocalDate day) {
    return new InvestigateForm(day.minusDays(DEFAULT_DAYS - 1), day, null, null, null, List.of(), null, null, null, null,
        externalId);
  }

  /**
   * This form with the window filled in when it names none: the week ending on the last night,
   * against that night's earlier days (which it clustered, from {@code clusteredFrom}) when the
   * form names no baseline either and there are three weeks of them.
   */
  public InvestigateForm orWeekEnding(LocalDate night, LocalDate clusteredFrom) {
    if (from != null || to != null) {
      return this;
    }
    LocalDate start = night.minusDays(DEFAULT_DAYS - 1);
    boolean ownBaseline = baselineFrom != null || !baseline.equals("previous");
    if (ownBaseline || clusteredFrom == null || clusteredFrom.plusDays(3L * DEFAULT_DAYS).isAfter(start)) {
      return new InvestigateForm(start, night, baseline, baselineFrom, baselineTo, where, q, direction, limit, metric,
          similar);
    }
    return new InvestigateForm(start, night, null, clusteredFrom, start.minusDays(1), where, q, direction, limit, metric,
        similar);
  }

  /** The values the population is narrowed to, by dimension. */
  public Map<String, String> values() {
    Map<String, String> values = new LinkedHashMap<>();
    for (String w : where) {
      int equals = w.indexOf('=');
      if (equals <= 0) {
        throw new IllegalArgumentException("where '" + w + "': write DIM=VALUE, e.g. market=BR or cluster=C0012");
      }
      values.put(w.substring(0, equals).strip(), w.substring(equals + 1).strip());
    }
    return values;
  }

  /** The question, checked: the same words as the CLI's for the same mistake. */
  public ExplainRequest request() {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit is between 1 and " + MAX_LIMIT + ", was " + limit);
    }
    ExplainRequest.Direction way = switch (direction) {
      case "rise" -> ExplainRequest.Direction.RISE;
      case "dip" -> ExplainRequest.Direction.DIP;
      case "both" -> ExplainRequest.Direction.BOTH;
      default -> throw new IllegalArgumentException("direction is '" + direction + "': rise, dip or both");
    };
    return ExplainRequest.of(from, to, baseline, baselineFrom, baselineTo, values(), way, limit)
        .measuring(ExplainRequest.Share.parse(metric));
  }

  /** What the audit log records of the question. */
  String describe() {
    return "from=" + from + " to=" + to + " baseline=" + (baselineFrom == null ? baseline : baselineFrom + ".." + baselineTo)
        + where.stream().map(w -> " where=" + w).reduce("", String::concat) + (q == null ? "" : " q=" + q)
        + " direction=" + direction + " metric=" + metric + (similar == null ? "" : " similar=" + similar);
  }

  /** This question at another address: the page (a permalink), its CSV, or the API. */
  public String url(String path) {
    List<String> parameters = new java.util.ArrayList<>();
    java.util.function.BiConsumer<String, Object> add = (name, value) -> parameters.add(name + "="
        + java.net.URLEncoder.encode(String.valueOf(value), java.nio.charset.StandardCharsets.UTF_8));
    if (from != null) {
      add.accept("from", from);
    }
    if (to != null) {
      add.accept("to", to);
    }
    if (baselineFrom != null) {
      add.accept("baselineFrom", baselineFrom);
      add.accept("baselineTo", baselineTo);
    } else if (!baseline.equals("previous")) {
      add.accept("baseline", baseline);
    }
    // Encoded whole, so a value holding '&', '=' or '+' ("Trust & Safety") comes back as it was.
    where.forEach(w -> add.accept("where", w));
    if (q != null) {
      add.accept("q", q);
    }
    if (!direction.equals("both")) {
      add.accept("direction", direction);
    }
    if (limit != 10) {
      add.accept("limit", limit);
    }
    if (!metric.equals("count")) {
      add.accept("metric", metric);
    }
    if (similar != null) {
      add.accept("similar", similar);
    }
    return parameters.isEmpty() ? path : path + "?" + String.join("&", parameters);
  }

  /** Whether the page's baseline choice names this option (for the form's select). */
  public boolean baselineIs(String option) {
    return baselineFrom == null && baseline.equals(option);
  }
}
