package com.escalationrca.publish;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.escalationrca.external.ExternalSystemException;
import com.escalationrca.external.HttpSettings;
import com.escalationrca.nlp.Redactor;
import com.escalationrca.report.RunReport;
import com.escalationrca.track.TrackedCauses;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One JIRA ticket per new top cause, comments as it continues, grows, regresses or ends. A ticket
 * is keyed by the tracked cause (in our table and as a label on the issue, searched before creating,
 * so a crash between JIRA's answer and our record never makes a duplicate); a comment is posted
 * once per cause, night and kind, so rerunning a night posts nothing twice.
 */
@Component
public class JiraTickets {

  static final String ACTOR = "jira";
  private static final double GROWTH = 1.25;
  private static final int EXAMPLES = 3;
  private static final int EXCERPT = 200;

  private final JdbcTemplate jdbc;
  private final TrackedCauses tracked;
  private final Redactor redactor = new Redactor();

  public JiraTickets(JdbcTemplate jdbc, TrackedCauses tracked) {
    this.jdbc = jdbc;
    this.tracked = tracked;
  }

  /** What one sync did. */
  public record Sync(int created, int comments, int attempts) {

    public String detail() {
      return created + " ticket(s) created, " + comments + " comment(s) posted";
    }
  }

  public static String label(long causeId) {
    return "rca-cause-" + causeId;
  }

  public Sync sync(long runId, RunReport report, PublishedRun published, PublishProperties properties,
                   HttpSettings http) {
    // Tickets for the published (top, open) causes that have none; comments on every ticketed one.
    JiraClient client = new JiraClient(properties.jira(), http);
    int created = 0;
    int comments = 0;
    for (PublishedRun.Cause cause : published.causes()) {
      RunReport.Tracking t = cause.cause().tracking();
      if (t == null || ticket(t.id()).isPresent()) {
        continue;
      }
      if (t.ticket() != null) {
        // A person linked an existing ticket: comment there from now on, create nothing.
        record(t.id(), t.ticket(), report.runDate());
        continue;
      }
      List<String> labels = new ArrayList<>(properties.jira().labels());
      labels.add(label(t.id()));
      String key = client.findByLabel(label(t.id())).orElseGet(() ->
          client.create("[Escalation RCA] " + cause.lead().summary(), description(runId, report, cause), labels));
      if (!tracked.isIssueKey(key)) {
        throw new ExternalSystemException("JIRA answered with the key '" + key + "', which is not an issue of project "
            + properties.jira().project() + "; nothing was linked");
      }
      record(t.id(), key, report.runDate());
      tracked.link(t.id(), key, ACTOR);
      created++;
    }
    for (RunReport.CauseSummary cause : report.causes()) {
      RunReport.Tracking t = cause.tracking();
      if (t == null || cause.dismissed()) {
        continue;
      }
      Optional<String> key = ticket(t.id());
      if (key.isEmpty() || createdOn(t.id()).equals(report.runDate())) {
        continue;
      }
      String kind = "regressed".equals(t.state()) ? "regressed" : grew(t.id(), runId) ? "grows" : "continues";
      if (comment(client, t.id(), key.get(), report.runDate(), kind, nightly(report, cause, kind, published))) {
        comments++;
      }
    }
    for (Map<String, Object> ended : endedTonight(runId)) {
      long id = ((Number) ended.get("cause_id")).longValue();
      if (comment(client, id, (String) ended.get("issue_key"), report.runDate(), "ended", List.of(
          "Escalation RCA, night of " + report.runDate() + ": this cause is no longer found (last seen "
              + ended.get("last_seen") + "). If it was fixed, resolve it so that reports measure the effect."))) {
        comments++;
      }
    }
    return new Sync(created, comments, client.attempts());
  }

  private Optional<String> ticket(long causeId) {
    return jdbc.queryForList("select issue_key from jira_ticket where cause_id = ?", String.class, causeId).stream()
        .findFirst();
  }

  private LocalDate createdOn(long causeId) {
    return jdbc.queryForObject("select created_on from jira_ticket where cause_id = ?", LocalDate.class, causeId);
  }

  private void record(long causeId, String key, LocalDate night) {
    jdbc.update("insert into jira_ticket (cause_id, issue_key, created_on) values (?, ?, ?) on conflict do nothing",
        causeId, key, night);
  }

  /** Posts once per cause, night and kind; says whether it posted. */
  private boolean comment(JiraClient client, long causeId, String key, LocalDate night, String kind, List<String> text) {
    Integer done = jdbc.queryForObject("select count(*) from jira_comment where cause_id = ? and run_date = ? and kind = ?",
        Integer.class, causeId, night, kind);
    if (done != null && done > 0) {
      return false;
    }
    client.comment(key, text);
    jdbc.update("insert into jira_comment (cause_id, run_date, kind) values (?, ?, ?) on conflict do nothing", causeId,
        night, kind);
    return true;
  }

  /** Tonight's escalations at least 25 % above the previous night's. */
  private boolean grew(long causeId, long runId) {
    List<Long> counts = jdbc.queryForList("""
        select escalations from tracked_cause_night where cause_id = ? and run_id <= ? order by run_date desc limit 2
        """, Long.class, causeId, runId);
    return counts.size() == 2 && counts.get(0) >= GROWTH * counts.get(1);
  }

  /** Ticketed causes that fired on the previous completed run and not on this one. */
  private List<Map<String, Object>> endedTonight(long runId) {
    return jdbc.queryForList("""
        select t.cause_id, t.issue_key, c.last_seen from jira_ticket t join tracked_cause c on c.id = t.cause_id
        where c.state <> 'dismissed'
          and exists (select 1 from tracked_cause_night n where n.cause_id = t.cause_id and n.run_id = (
            select max(run_id) from rca_run where status = 'COMPLETED' and run_id < ?
              and run_date < (select run_date from rca_run where run_id = ?)))
          and not exists (select 1 from tracked_cause_night n where n.cause_id = t.cause_id and n.run_id = ?)
        """, runId, runId, runId);
  }

  private List<String> nightly(RunReport report, RunReport.CauseSummary cause, String kind, PublishedRun published) {
    RunReport.FindingSummary lead = report.findings().stream().filter(f -> f.rank() == cause.leadRank()).findFirst()
        .orElseThrow();
    String what = switch (kind) {
      case "regressed" -> "fired again after its resolution (regressed)";
      case "grows" -> "grows";
      default -> "continues";
    };
    List<String> text = new ArrayList<>();
    text.add("Escalation RCA, night of " + report.runDate() + ": this cause " + what + " (night "
        + cause.tracking().nights() + ", " + cause.escalations() + " escalations).");
    text.add(lead.summary());
    text.add(PublishedRun.evidence(lead));
    if (!published.where().isEmpty()) {
      text.add("Morning read: " + published.where());
    }
    return text;
  }

  private List<String> description(long runId, RunReport report, PublishedRun.Cause cause) {
    List<String> text = new ArrayList<>();
    text.add(cause.lead().summary());
    text.add("Evidence: " + cause.evidence() + ".");
    text.add(cause.cause().escalations() + " escalations"
        + (cause.carriers().isEmpty() ? "" : ", mostly in " + cause.carriers()) + ".");
    if (!cause.terms().isEmpty()) {
      text.add("Their narratives: " + cause.terms() + ".");
    }
    List<String> examples = examples(cause.lead().exampleIds());
    if (!examples.isEmpty()) {
      text.add("Examples (personal data redacted):");
      text.add(String.join("\n", examples));
    }
    text.add("Tracked cause #" + cause.cause().tracking().id() + ", first seen " + cause.cause().tracking().firstSeen()
        + (cause.link().isEmpty() ? "." : ": " + cause.link()));
    return text;
  }

  private List<String> examples(List<String> ids) {
    List<String> lines = new ArrayList<>();
    for (String id : ids.stream().limit(EXAMPLES).toList()) {
      jdbc.query("select narrative from escalation where external_id = ?", rs -> {
        String text = redactor.redact(rs.getString(1)).replaceAll("\\s+", " ").strip();
        lines.add("- " + id + ": " + (text.length() <= EXCERPT ? text : text.substring(0, EXCERPT - 1) + "…"));
      }, id);
    }
    return lines;
  }
}
