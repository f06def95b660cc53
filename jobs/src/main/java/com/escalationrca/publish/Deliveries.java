package com.escalationrca.publish;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.escalationrca.external.ExternalSystemException;
import com.escalationrca.external.HttpSettings;
import com.escalationrca.external.RetryingHttp;
import com.escalationrca.report.ReportReader;
import com.escalationrca.report.RunReport;
import com.escalationrca.store.StorageProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes a completed run to every configured channel (JIRA, chat webhook, e-mail) and records
 * each outcome. A failure is recorded, counted and shown, never thrown: the night stays completed.
 * Chat and e-mail deliveries that failed on earlier nights are sent again (marked as late); JIRA
 * catches up by itself, since each night syncs tickets from the causes' state.
 */
@Component
public class Deliveries {

  private static final Logger log = LoggerFactory.getLogger(Deliveries.class);
  private static final int RETRY_NIGHTS = 7;
  static final String JIRA = "jira";
  static final String WEBHOOK = "webhook";
  static final String EMAIL = "email";

  private final JdbcTemplate jdbc;
  private final ReportReader reader;
  private final JiraTickets tickets;
  private final PublishProperties properties;
  private final HttpSettings http;
  private final StorageProperties storage;
  private final ObjectProvider<JavaMailSender> mail;
  private final TransactionTemplate ownTransaction;

  public Deliveries(JdbcTemplate jdbc, ReportReader reader, JiraTickets tickets, PublishProperties properties,
                    HttpSettings http, StorageProperties storage, ObjectProvider<JavaMailSender> mail, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    // Each channel writes (tickets, links) in a transaction of its own: a channel that fails rolls
    // back its own writes and is recorded as failed, and never marks the night's step for rollback.
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.reader = reader;
    this.tickets = tickets;
    this.properties = properties;
    this.http = http;
    this.storage = storage;
    this.mail = mail;
  }

  public boolean anyConfigured() {
    return properties.jira().enabled() || properties.webhook().enabled() || properties.email().enabled();
  }

  /** Delivers the run everywhere configured, then retries earlier failures; returns tonight's outcomes. */
  public List<RunReport.Delivery> deliver(long runId) {
    if (!anyConfigured()) {
      return List.of();
    }
    RunReport report = reader.read(runId);
    PublishedRun run = published(report);
    if (properties.jira().enabled()) {
      attempt(runId, JIRA, () -> {
        JiraTickets.Sync sync = tickets.sync(runId, report, run, properties, http);
        return new Outcome(sync.attempts(), sync.detail());
      });
    }
    if (properties.webhook().enabled()) {
      attempt(runId, WEBHOOK, () -> new Outcome(ChatWebhook.post(properties.webhook().url(), run, http),
          run.causes().size() + " cause(s) posted"));
    }
    if (properties.email().enabled()) {
      attempt(runId, EMAIL, () -> {
        EmailDigest.send(sender(), properties.email(), run);
        return new Outcome(1, "digest sent to " + String.join(", ", properties.email().to()));
      });
    }
    retryEarlier(runId, report);
    return reader.deliveries(runId);
  }

  private PublishedRun published(RunReport report) {
    Path folder = storage.reportsDir().resolve(report.runDate().toString()).toAbsolutePath();
    return PublishedRun.of(report, properties.topCauses(), properties.baseUrl(), folder.toString());
  }

  private JavaMailSender sender() {
    JavaMailSender sender = mail.getIfAvailable();
    if (sender == null) {
      throw new ExternalSystemException("rca.publish.email is set but spring.mail.host is not: no SMTP server to send through");
    }
    return sender;
  }

  private record Outcome(int attempts, String detail) {
  }


  private interface Channel {
    Outcome deliver();
  }

  private boolean attempt(long runId, String channel, Channel delivery) {
    try {
      Outcome outcome = ownTransaction.execute(status -> delivery.deliver());
      record(runId, channel, "sent", outcome.attempts(), outcome.detail());
      return true;
    } catch (RuntimeException e) {
      String reason = RetryingHttp.withoutPaths(e instanceof ExternalSystemException ? e.getMessage()
          : e.getClass().getSimpleName() + ": " + e.getMessage());
      log.warn("publishing the run to {} failed; the next run retries it: {}", channel, reason);
      record(runId, channel, "failed", 1, reason);
      return false;
    }
  }

  private void record(long runId, String channel, String status, int attempts, String detail) {
    jdbc.update("""
        insert into delivery (run_id, channel, status, attempts, detail) values (?, ?, ?, ?, ?)
        on conflict (run_id, channel) do update set status = excluded.status,
          attempts = delivery.attempts + excluded.attempts, detail = excluded.detail, at = now()
        """, runId, channel, status, attempts, detail);
  }

  /** Earlier nights whose chat or e-mail delivery failed get it now, late; JIRA failures are caught up tonight. */
  private void retryEarlier(long runId, RunReport tonight) {
    List<Map<String, Object>> failed = jdbc.queryForList("""
        select d.run_id, d.channel from delivery d join rca_run r on r.run_id = d.run_id
        where d.status = 'failed' and d.run_id <> ? and r.status = 'COMPLETED'
          and r.run_date >= (select run_date from rca_run where run_id = ?) - ?
        order by d.run_id
        """, runId, runId, RETRY_NIGHTS);
    boolean jiraTonight = properties.jira().enabled() && "sent".equals(status(runId, JIRA));
    for (Map<String, Object> row : new ArrayList<>(failed)) {
      long earlier = ((Number) row.get("run_id")).longValue();
      String channel = (String) row.get("channel");
      if (channel.equals(JIRA)) {
        if (jiraTonight) {
          record(earlier, JIRA, "sent", 0, "caught up by the run of " + tonight.runDate());
        }
        continue;
      }
      PublishedRun late = published(reader.read(earlier));
      if (channel.equals(WEBHOOK) && properties.webhook().enabled()) {
        attempt(earlier, WEBHOOK, () -> new Outcome(ChatWebhook.post(properties.webhook().url(), late, http),
            "sent late, by the run of " + tonight.runDate()));
      } else if (channel.equals(EMAIL) && properties.email().enabled()) {
        attempt(earlier, EMAIL, () -> {
          EmailDigest.send(sender(), properties.email(), late);
          return new Outcome(1, "sent late, by the run of " + tonight.runDate());
        });
      }
    }
  }

  private String status(long runId, String channel) {
    return jdbc.queryForList("select status from delivery where run_id = ? and channel = ?", String.class, runId, channel)
        .stream().findFirst().orElse("");
  }
}
