package com.escalationrca.publish;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code rca.publish.*}: where each completed run is published. Every channel is off until its
 * address is set. Secrets come from the environment ({@code RCA_PUBLISH_JIRA_TOKEN}), never from a
 * file in the repository.
 */
@ConfigurationProperties("rca.publish")
public record PublishProperties(@DefaultValue("") String baseUrl,
                                @DefaultValue("5") int topCauses,
                                @DefaultValue Jira jira,
                                @DefaultValue Webhook webhook,
                                @DefaultValue Email email) {

  /**
   * JIRA: {@code api} is {@code cloud} (REST v3, descriptions in Atlassian Document Format, e-mail
   * and API token) or {@code datacenter} (REST v2, plain text, a personal access token as Bearer).
   */
  public record Jira(@DefaultValue("") String url, @DefaultValue("cloud") String api, @DefaultValue("") String user,
                     @DefaultValue("") String token, @DefaultValue("") String project,
                     @DefaultValue("Task") String issueType, @DefaultValue("escalation-rca") List<String> labels) {

    public boolean enabled() {
      return !url.isBlank();
    }

    public boolean cloud() {
      return !"datacenter".equalsIgnoreCase(api);
    }
  }

  /** A Slack-compatible incoming webhook (JSON with text and blocks). */
  public record Webhook(@DefaultValue("") String url) {

    public boolean enabled() {
      return !url.isBlank();
    }
  }

  /** The e-mail digest: recipients and sender; the SMTP server is spring.mail.*. */
  public record Email(@DefaultValue("") List<String> to, @DefaultValue("escalation-rca@localhost") String from,
                      @DefaultValue("Escalation RCA") String subjectPrefix) {

    public boolean enabled() {
      return to.stream().anyMatch(t -> !t.isBlank());
    }
  }


  public PublishProperties {
    if (topCauses < 1) {
      throw new IllegalArgumentException("rca.publish.top-causes must be at least 1");
    }
    if (jira.enabled() && (jira.project().isBlank() || jira.token().isBlank())) {
      throw new IllegalArgumentException("rca.publish.jira needs a project and a token (RCA_PUBLISH_JIRA_TOKEN)");
    }
  }
}
