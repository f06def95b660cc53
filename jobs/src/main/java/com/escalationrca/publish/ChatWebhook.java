package com.escalationrca.publish;

import java.net.http.HttpRequest;

import com.escalationrca.external.HttpSettings;
import com.escalationrca.external.RetryingHttp;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The run's top causes to a Slack-compatible incoming webhook: {@code text} (the notification and
 * the fallback) and {@code blocks} (a header, a section per cause, one for the drops, a link to the
 * morning read).
 */
public final class ChatWebhook {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ChatWebhook() {
  }

  public static ObjectNode message(PublishedRun run) {
    ObjectNode message = JSON.createObjectNode();
    String headline = run.headline();
    message.put("text", escape(headline) + (run.where().isEmpty() ? "" : " — " + escape(run.where())));
    ArrayNode blocks = message.putArray("blocks");
    ObjectNode header = blocks.addObject().put("type", "header");
    header.putObject("text").put("type", "plain_text").put("text", headline);
    if (run.causes().isEmpty()) {
      section(blocks, "Nothing rose beyond what chance explains tonight.");
    }
    for (PublishedRun.Cause c : run.causes()) {
      StringBuilder text = new StringBuilder("*" + c.position() + ".* ");
      if (c.isNew()) {
        text.append("*New:* ");
      }
      text.append(escape(c.lead().summary())).append("\n_").append(escape(c.evidence())).append("_");
      if (!c.tracking().isEmpty()) {
        text.append("\n").append(escape(c.tracking()));
      }
      if (!c.link().isEmpty()) {
        text.append("\n<").append(c.link()).append("|Open the cause>");
      }
      section(blocks, text.toString());
    }
    if (!run.drops().isEmpty()) {
      StringBuilder text = new StringBuilder("*Fell:*");
      run.drops().forEach(d -> text.append("\n• ").append(escape(d.summary())));
      section(blocks, text.toString());
    }
    if (!run.where().isEmpty()) {
      ObjectNode context = blocks.addObject().put("type", "context");
      context.putArray("elements").addObject().put("type", "mrkdwn").put("text",
          run.link().isEmpty() ? "Report: " + escape(run.where()) : "<" + run.link() + "|Open the morning read>");
    }
    return message;
  }

  private static void section(ArrayNode blocks, String mrkdwn) {
    blocks.addObject().put("type", "section").putObject("text").put("type", "mrkdwn").put("text", mrkdwn);
  }

  /** Slack's mrkdwn treats &, < and > as markup: narratives and values must not become links or mentions. */
  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  public static int post(String url, PublishedRun run, HttpSettings settings) {
    RetryingHttp http = new RetryingHttp("the chat webhook", settings);
    String body = message(run).toString();
    http.send(() -> http.request(url).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    return http.attempts();
  }
}
