package com.escalationrca.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.escalationrca.CliProcess;
import com.escalationrca.generate.DatasetWriter;
import com.escalationrca.generate.GeneratorSpec;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * `serve` as a real process beside the nightly job on one data folder: it starts before any run,
 * runs the night itself on its cron, shows the new run and searches the new index without a
 * restart, while `run`, `search` and `reindex` from the command line keep working on the same
 * folder (the embedded PostgreSQL is shared, not started twice).
 */
class ServeBesideTheJobTest {

  private static final Pattern SERVING = Pattern.compile("serving on http://127\\.0\\.0\\.1:(\\d+)/");
  private static final String PASSWORD = "a long enough password";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void theServerRunsTheNightOnItsScheduleAndPicksUpRunsAndIndexesFromOtherProcesses() throws Exception {
    Path root = Files.createTempDirectory("rca-serve-");
    Path folder = root.resolve("data");
    Path data = root.resolve("escalations.jsonl");
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    new DatasetWriter().write(new GeneratorSpec(2000, 30, 3, today, 1), data);
    assertThat(cli("import", data.toString(), "--data-dir", folder.toString()).exit()).isZero();

    addUser(folder, "ana", "analyst");
    addUser(folder, "root", "admin");

    // One trigger, some 40 s from now (UTC): after the server is up, once.
    ZonedDateTime at = ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(40);
    String cron = at.getSecond() + " " + at.getMinute() + " " + at.getHour() + " * * *";
    CliProcess.Running serve = CliProcess.start(Map.of(), List.of("-Drca.schedule.cron=" + cron),
        "serve", "--port", "0", "--data-dir", folder.toString(), "--reports-dir", root.resolve("reports").toString());
    try {
      int port = port(serve);
      WebClient api = WebClient.basic(port, "ana", PASSWORD);
      assertThat(JSON.readTree(api.get("/api/runs").body()).size()).isZero();
      assertThat(api.get("/api/search?q=address").statusCode()).isEqualTo(503);

      JsonNode runs = awaitCompletedRuns(api, 1, 240);
      assertThat(runs.get(0).get("date").asString()).isEqualTo(today.toString());
      long before = JSON.readTree(api.get("/api/search?q=address").body()).get("total").asLong();
      assertThat(before).isPositive();

      CliProcess.Result listed = cli("causes", "list", "--data-dir", folder.toString());
      assertThat(listed.exit()).as(listed.stderr()).isZero();
      assertThat(listed.stdout()).contains("#1  new");
      CliProcess.Result acked = cli("causes", "ack", "1", "--owner", "dana", "--as", "max", "--data-dir", folder.toString());
      assertThat(acked.stdout()).contains("#1  acknowledged", "owner dana");
      assertThat(JSON.readTree(api.get("/api/causes/1").body()).get("cause").get("updatedBy").asString()).isEqualTo("max");
      assertThat(cli("causes", "resolve", "1", "--data-dir", folder.toString()).exit()).isEqualTo(2);

      CliProcess.Result demoted = cli("users", "set-role", "ana", "manager", "--data-dir", folder.toString());
      assertThat(demoted.stdout()).contains("ana is now manager");
      assertThat(api.get("/api/search?q=address").statusCode()).isEqualTo(403);
      assertThat(cli("users", "list", "--data-dir", folder.toString()).stdout()).contains("ana", "manager");
      assertThat(cli("users", "set-role", "ana", "analyst", "--data-dir", folder.toString()).exit()).isZero();
      assertThat(cli("users", "remove", "nobody", "--data-dir", folder.toString()).stderr()).contains("no user 'nobody'");

      CliProcess.Result yesterday = cli("run", "--date", today.minusDays(1).toString(), "--data-dir", folder.toString(),
          "--reports-dir", root.resolve("reports").toString());
      assertThat(yesterday.exit()).as(yesterday.stderr()).isZero();
      assertThat(awaitCompletedRuns(api, 2, 30).size()).isEqualTo(2);

      CliProcess.Result search = cli("search", "address", "--data-dir", folder.toString());
      assertThat(search.exit()).as(search.stderr()).isZero();
      assertThat(search.stdout()).contains(String.format("%,d matching escalations", before));
      assertThat(cli("reindex", "--data-dir", folder.toString()).exit()).isZero();
      assertThat(JSON.readTree(api.get("/api/search?q=address").body()).get("total").asLong()).isEqualTo(before);
      assertThat(serve.process().isAlive()).isTrue();

      // An admin reruns today's night from the admin page; the server runs it in the background.
      WebClient admin = WebClient.anonymous(port);
      admin.signIn("root", PASSWORD);
      // A mistyped date in the future is refused before anything starts.
      HttpResponse<String> future = admin.post("/admin/rerun", "date=2062-06-01&_csrf="
          + WebClient.encode(WebClient.csrf(admin.get("/admin/audit").body())));
      assertThat(future.statusCode()).isEqualTo(400);
      assertThat(future.body()).contains("the run date 2062-06-01 is in the future");
      HttpResponse<String> started = admin.post("/admin/rerun", "date=" + today + "&_csrf="
          + WebClient.encode(WebClient.csrf(admin.get("/admin/audit").body())));
      assertThat(started.statusCode()).isEqualTo(302);
      assertThat(awaitCompletedRuns(WebClient.basic(port, "root", PASSWORD), 3, 120).size()).isEqualTo(3);
      // The run is marked completed when its report is published; the background rerun ends after
      // its deliver and retain steps, a moment later.
      assertThat(awaitPage(admin, "/admin/audit", "completed", 60)).contains("id=\"rerun-status\"", "rerun");
    } finally {
      serve.process().destroy();
      serve.process().waitFor();
    }
  }

  private static void addUser(Path folder, String name, String role) throws Exception {
    CliProcess.Running add = CliProcess.start(Map.of(), List.of(), "users", "add", name, "--role", role,
        "--data-dir", folder.toString());
    try (OutputStream stdin = add.process().getOutputStream()) {
      stdin.write((PASSWORD + "\n").getBytes(StandardCharsets.UTF_8));
    }
    CliProcess.Result added = add.finish();
    assertThat(added.exit()).as(added.stderr()).isZero();
    assertThat(added.stdout()).contains("added " + name + " (" + role + ")");
  }

  private static CliProcess.Result cli(String... arguments) throws Exception {
    return CliProcess.run(Map.of(), List.of(), arguments);
  }

  private static int port(CliProcess.Running serve) throws InterruptedException {
    for (int i = 0; i < 600; i++) {
      Matcher m = SERVING.matcher(serve.output());
      if (m.find()) {
        return Integer.parseInt(m.group(1));
      }
      assertThat(serve.process().isAlive()).as("serve is running; it printed:%n%s", serve.output()).isTrue();
      Thread.sleep(100);
    }
    throw new AssertionError("serve did not start in 60 s; it printed:\n" + serve.output());
  }

  private static String awaitPage(WebClient client, String path, String text, int seconds) throws Exception {
    String body = "";
    for (int i = 0; i < seconds; i++) {
      body = client.get(path).body();
      if (body.contains(text)) {
        return body;
      }
      Thread.sleep(1000);
    }
    throw new AssertionError(path + " did not say '" + text + "' after " + seconds + " s: " + body);
  }

  private static JsonNode awaitCompletedRuns(WebClient api, int count, int seconds) throws Exception {
    JsonNode runs = null;
    for (int i = 0; i < seconds; i++) {
      runs = JSON.readTree(api.get("/api/runs").body());
      long completed = 0;
      for (JsonNode run : runs) {
        completed += "COMPLETED".equals(run.get("status").asString()) ? 1 : 0;
      }
      if (completed >= count) {
        return runs;
      }
      Thread.sleep(1000);
    }
    throw new AssertionError("fewer than " + count + " completed runs after " + seconds + " s: " + runs);
  }
}
