package com.escalationrca.publish;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import com.escalationrca.external.Adf;
import com.escalationrca.external.ExternalSystemException;
import com.escalationrca.external.HttpSettings;
import com.escalationrca.external.RetryingHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The few JIRA REST calls publishing needs: find an issue by label (so a crash between creating a
 * ticket and recording it never makes a duplicate), create an issue, comment on one. Cloud uses
 * REST v3 with Atlassian Document Format and Basic e-mail:token; Data Center REST v2 with plain
 * text and a Bearer personal access token.
 */
public final class JiraClient {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final PublishProperties.Jira jira;
  private final RetryingHttp http;
  private final String base;

  public JiraClient(PublishProperties.Jira jira, HttpSettings settings) {
    this.jira = jira;
    this.http = new RetryingHttp("JIRA (" + RetryingHttp.origin(jira.url()) + ")", settings, true);
    this.base = jira.url().replaceAll("/+$", "") + (jira.cloud() ? "/rest/api/3" : "/rest/api/2");
  }

  public int attempts() {
    return http.attempts();
  }

  private String authorization() {
    return jira.cloud() && !jira.user().isBlank()
        ? "Basic " + Base64.getEncoder().encodeToString((jira.user() + ":" + jira.token()).getBytes(StandardCharsets.UTF_8))
        : "Bearer " + jira.token();
  }

  private HttpRequest.Builder request(String path) {
    return http.request(base + path).header("Authorization", authorization()).header("Accept", "application/json");
  }

  /** The key of the project's issue carrying this label, if one exists. */
  public Optional<String> findByLabel(String label) {
    String jql = "project = \"" + jira.project() + "\" AND labels = \"" + label + "\"";
    String path = (jira.cloud() ? "/search/jql" : "/search") + "?fields=key&maxResults=1&jql="
        + URLEncoder.encode(jql, StandardCharsets.UTF_8);
    JsonNode answer = read(http.send(() -> request(path).GET().build()), "search");
    JsonNode issues = answer.path("issues");
    return issues.isArray() && !issues.isEmpty() ? Optional.of(issues.get(0).path("key").asString()) : Optional.empty();
  }

  /** Creates an issue; returns its key. */
  public String create(String summary, List<String> description, List<String> labels) {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode fields = body.putObject("fields");
    fields.putObject("project").put("key", jira.project());
    fields.putObject("issuetype").put("name", jira.issueType());
    fields.put("summary", summary.length() > 250 ? summary.substring(0, 249) + "…" : summary);
    if (jira.cloud()) {
      fields.set("description", Adf.document(description));
    } else {
      fields.put("description", String.join("\n\n", description));
    }
    labels.forEach(fields.putArray("labels")::add);
    JsonNode created = read(http.send(() -> request("/issue").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build()), "create issue");
    String key = created.path("key").asString("");
    if (key.isBlank()) {
      throw new ExternalSystemException("JIRA created an issue but its answer has no key: " + created);
    }
    return key;
  }

  public void comment(String issueKey, List<String> paragraphs) {
    ObjectNode body = JSON.createObjectNode();
    if (jira.cloud()) {
      body.set("body", Adf.document(paragraphs));
    } else {
      body.put("body", String.join("\n\n", paragraphs));
    }
    http.send(() -> request("/issue/" + URLEncoder.encode(issueKey, StandardCharsets.UTF_8) + "/comment")
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
  }

  private static JsonNode read(String body, String what) {
    try {
      return JSON.readTree(body);
    } catch (RuntimeException e) {
      throw new ExternalSystemException("JIRA's answer to " + what + " is not JSON: "
          + body.substring(0, Math.min(200, body.length())), e);
    }
  }
}
