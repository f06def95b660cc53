package com.escalationrca.pull;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.regex.Pattern;

import com.escalationrca.external.Adf;
import com.escalationrca.external.ExternalSystemException;
import com.escalationrca.external.HttpSettings;
import com.escalationrca.external.RetryingHttp;
import com.escalationrca.ingest.EscalationSource;
import com.escalationrca.ingest.SourceRecord;
import com.escalationrca.publish.PublishProperties;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JIRA issues as source records, page by page: Cloud's {@code /rest/api/3/search/jql} (token
 * paging) or Data Center's {@code /rest/api/2/search} (offset paging), ordered by {@code updated}
 * from the watermark on. Each issue becomes {@code key}, {@code narrative} (the configured parts:
 * summary, description, comments; rich text flattened from Atlassian Document Format) and one
 * value per requested field as {@code fields.<id>}: an option or user becomes its value, name or
 * display name; a list, its items joined; JIRA's timestamps become ISO-8601.
 */
public final class JiraSource implements EscalationSource {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern JIRA_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?[+-]\\d{4}");
  private static final DateTimeFormatter JIRA_TIME_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSS]Z");
  private static final DateTimeFormatter JQL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

  private final PullProperties.Jira jira;
  private final RetryingHttp http;
  private final String search;
  private final String jql;
  private final List<String> fields;
  private final Deque<JsonNode> page = new ArrayDeque<>();
  private String nextPageToken;
  private int startAt;
  private boolean last;
  private long record;
  private Instant latestUpdate;

  public JiraSource(PullProperties.Jira jira, HttpSettings settings, Instant since, List<String> mappedFields) {
    this.jira = jira;
    this.http = new RetryingHttp("JIRA (" + RetryingHttp.origin(jira.url()) + ")", settings, true);
    this.search = jira.url().replaceAll("/+$", "") + (jira.cloud() ? "/rest/api/3/search/jql" : "/rest/api/2/search");
    this.jql = "(" + jira.jql() + ") AND updated >= \"" + JQL_TIME.format(since) + "\" ORDER BY updated ASC";
    Set<String> wanted = new LinkedHashSet<>(List.of("summary", "description", "created", "updated"));
    if (jira.narrative().contains("comments")) {
      wanted.add("comment");
    }
    mappedFields.stream().filter(f -> f.startsWith("fields.")).map(f -> f.substring("fields.".length())).forEach(wanted::add);
    this.fields = List.copyOf(wanted);
  }

  /** The JQL this pull searches with. */
  public String jql() {
    return jql;
  }

  /** The greatest {@code updated} among the issues read: the next watermark. */
  public Instant latestUpdate() {
    return latestUpdate;
  }

  @Override
  public boolean hasNext() {
    while (page.isEmpty() && !last) {
      fetch();
    }
    return !page.isEmpty();
  }

  private void fetch() {
    StringBuilder url = new StringBuilder(search).append("?jql=").append(encode(jql))
        .append("&fields=").append(encode(String.join(",", fields)))
        .append("&maxResults=").append(jira.pageSize());
    if (jira.cloud() && nextPageToken != null) {
      url.append("&nextPageToken=").append(encode(nextPageToken));
    } else if (!jira.cloud()) {
      url.append("&startAt=").append(startAt);
    }
    String body = http.send(() -> http.request(url.toString()).header("Authorization", authorization())
        .header("Accept", "application/json").GET().build());
    JsonNode answer;
    try {
      answer = JSON.readTree(body);
    } catch (RuntimeException e) {
      throw new ExternalSystemException("JIRA's search answer is not JSON: " + abbreviate(body), e);
    }
    JsonNode issues = answer.path("issues");
    if (!issues.isArray()) {
      throw new ExternalSystemException("JIRA's search answer has no 'issues' list: " + abbreviate(body));
    }
    issues.forEach(page::add);
    if (jira.cloud()) {
      nextPageToken = answer.path("nextPageToken").asString(null);
      last = answer.path("isLast").asBoolean(nextPageToken == null) || nextPageToken == null || issues.isEmpty();
    } else {
      startAt += issues.size();
      last = issues.isEmpty() || startAt >= answer.path("total").asInt(0);
    }
  }

  @Override
  public SourceRecord next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    JsonNode issue = page.poll();
    record++;
    Map<String, String> values = new LinkedHashMap<>();
    values.put("key", issue.path("key").asString(null));
    JsonNode f = issue.path("fields");
    values.put("narrative", narrative(f));
    for (String field : fields) {
      if (!field.equals("comment") && !field.equals("description")) {
        values.put("fields." + field, flatten(f.path(field)));
      }
    }
    String updated = values.get("fields.updated");
    if (updated != null) {
      try {
        Instant at = OffsetDateTime.parse(updated).toInstant();
        latestUpdate = latestUpdate == null || at.isAfter(latestUpdate) ? at : latestUpdate;
      } catch (DateTimeParseException e) {
        // left to the validator, which rejects the issue with its reason
      }
    }
    return new SourceRecord(record, record, values, issue.toString(), null);
  }

  private String narrative(JsonNode f) {
    List<String> parts = new ArrayList<>();
    for (String part : jira.narrative()) {
      switch (part) {
        case "summary" -> parts.add(text(f.path("summary")));
        case "description" -> parts.add(text(f.path("description")));
        default -> f.path("comment").path("comments").forEach(c -> parts.add(text(c.path("body"))));
      }
    }
    return String.join("\n\n", parts.stream().filter(p -> !p.isBlank()).toList());
  }

  /** Rich text (ADF) or plain text as plain text. */
  private static String text(JsonNode node) {
    return node.isObject() ? Adf.text(node) : node.isString() ? node.asString().strip() : "";
  }

  /** A field's value as one string: options and users by their value or name, lists joined, times in ISO. */
  static String flatten(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isArray()) {
      List<String> items = new ArrayList<>();
      node.forEach(item -> {
        String value = flatten(item);
        if (value != null && !value.isBlank()) {
          items.add(value);
        }
      });
      return items.isEmpty() ? null : String.join(", ", items);
    }
    if (node.isObject()) {
      if ("doc".equals(node.path("type").asString(""))) {
        return Adf.text(node);
      }
      for (String name : List.of("value", "name", "displayName", "key")) {
        if (node.hasNonNull(name)) {
          // A value is a string in JIRA's own fields; an app's field may nest one more object.
          String value = flatten(node.get(name));
          if (value == null) {
            continue;
          }
          JsonNode child = node.path("child");
          return child.isObject() ? value + " / " + flatten(child) : value;
        }
      }
      return node.toString();
    }
    String value = node.asString();
    return JIRA_TIME.matcher(value).matches() ? iso(value) : value;
  }

  private static String iso(String jiraTime) {
    try {
      return OffsetDateTime.parse(jiraTime, JIRA_TIME_FORMAT).toInstant().toString();
    } catch (DateTimeParseException e) {
      return jiraTime;
    }
  }

  private String authorization() {
    return jira.cloud() && !jira.user().isBlank()
        ? "Basic " + Base64.getEncoder().encodeToString((jira.user() + ":" + jira.token()).getBytes(StandardCharsets.UTF_8))
        : "Bearer " + jira.token();
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static String abbreviate(String body) {
    String line = body.replaceAll("\\s+", " ").strip();
    return line.length() <= 200 ? line : line.substring(0, 200) + "…";
  }

  @Override
  public void close() {
    page.clear();
  }
}
