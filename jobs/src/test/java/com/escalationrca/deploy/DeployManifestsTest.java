package com.escalationrca.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import com.escalationrca.cli.EscalationRca;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The files in {@code deploy/} say what docs/operations.md and the image say: the CronJob runs the image Jib
 * builds, as its non-root user, one night at a time with retries and resources; its command line and
 * the systemd unit's are commands our CLI accepts and docs/operations.md documents.
 */
class DeployManifestsTest {

  private static final Path DEPLOY = Path.of("deploy");
  private static final YAMLMapper YAML = YAMLMapper.builder().build();

  @Test
  void theCronJobRunsTheImageJibBuildsAsItsUserOneNightAtATime() throws Exception {
    JsonNode cronJob = YAML.readTree(DEPLOY.resolve("kubernetes/cronjob.yaml").toFile());
    Map<String, String> jib = jibConfiguration();

    assertThat(cronJob.path("kind").asString()).isEqualTo("CronJob");
    JsonNode spec = cronJob.path("spec");
    assertThat(spec.path("concurrencyPolicy").asString()).isEqualTo("Forbid");
    assertThat(spec.path("jobTemplate").path("spec").path("backoffLimit").asInt()).isPositive();
    JsonNode pod = spec.path("jobTemplate").path("spec").path("template").path("spec");
    JsonNode container = pod.path("containers").get(0);
    assertThat(container.path("image").asString()).isEqualTo(jib.get("image"));
    assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).isTrue();
    assertThat(pod.path("securityContext").path("runAsUser").asString() + ":"
        + pod.path("securityContext").path("runAsGroup").asString()).isEqualTo(jib.get("user"));
    assertThat(container.path("resources").path("limits").path("memory").asString()).isNotBlank();
    assertThat(container.path("resources").path("requests").path("cpu").asString()).isNotBlank();
    List<String> mounts = new ArrayList<>();
    container.path("volumeMounts").forEach(m -> mounts.add(m.path("mountPath").asString()));
    assertThat(mounts).contains("/app/config", "/app/data", "/app/reports");
    assertThat(jib.get("volumes")).contains("/app/config", "/app/data", "/app/reports");

    List<String> args = new ArrayList<>();
    container.path("args").forEach(a -> args.add(a.asString()));
    assertAcceptedAndDocumented(args);
    // Every claim the CronJob mounts is declared beside it.
    String volumes = Files.readString(DEPLOY.resolve("kubernetes/volumes.yaml"));
    pod.path("volumes").forEach(v -> {
      if (v.has("persistentVolumeClaim")) {
        assertThat(volumes).contains("name: " + v.path("persistentVolumeClaim").path("claimName").asString());
      }
    });
    for (String document : volumes.split("\n---\n")) {
      assertThat(YAML.readTree(document).path("kind").asString()).isEqualTo("PersistentVolumeClaim");
    }
  }

  @Test
  void theWebDeploymentServesTheSameImageBehindAServiceWithHealthProbes() throws Exception {
    String[] documents = Files.readString(DEPLOY.resolve("kubernetes/web.yaml")).split("\n---\n");
    JsonNode deployment = YAML.readTree(documents[0]);
    JsonNode service = YAML.readTree(documents[1]);
    Map<String, String> jib = jibConfiguration();

    assertThat(deployment.path("kind").asString()).isEqualTo("Deployment");
    JsonNode pod = deployment.path("spec").path("template").path("spec");
    JsonNode container = pod.path("containers").get(0);
    assertThat(container.path("image").asString()).isEqualTo(jib.get("image"));
    assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).isTrue();
    List<String> args = new ArrayList<>();
    container.path("args").forEach(a -> args.add(a.asString()));
    assertAcceptedAndDocumented(args);
    assertThat(container.path("ports").get(0).path("containerPort").asInt()).isEqualTo(8080);
    assertThat(jib.get("ports")).isEqualTo("8080");
    assertThat(container.path("readinessProbe").path("httpGet").path("path").asString()).isEqualTo("/actuator/health");
    assertThat(service.path("kind").asString()).isEqualTo("Service");
    assertThat(service.path("spec").path("selector")).isEqualTo(deployment.path("spec").path("selector").path("matchLabels"));
  }

  @Test
  void theSystemdUnitsRunOneShotNightsOnATimerThatCatchesUp() throws Exception {
    Map<String, String> service = unit(DEPLOY.resolve("systemd/escalation-rca.service"));
    Map<String, String> timer = unit(DEPLOY.resolve("systemd/escalation-rca.timer"));

    assertThat(service.get("Type")).isEqualTo("oneshot");
    assertThat(service.get("RestartPreventExitStatus")).contains("2", "3");
    List<String> command = List.of(service.get("ExecStart").split(" "));
    assertThat(command.subList(0, 3)).containsExactly("/usr/bin/java", "-jar", "jobs/target/escalation-rca.jar");
    assertAcceptedAndDocumented(command.subList(3, command.size()));
    Map<String, String> web = unit(DEPLOY.resolve("systemd/escalation-rca-web.service"));
    assertThat(web.get("Type")).isEqualTo("simple");
    List<String> serve = List.of(web.get("ExecStart").split(" "));
    assertThat(serve.subList(0, 3)).containsExactly("/usr/bin/java", "-jar", "jobs/target/escalation-rca.jar");
    assertAcceptedAndDocumented(serve.subList(3, serve.size()));
    assertThat(timer.get("Unit")).isEqualTo("escalation-rca.service");
    assertThat(timer.get("Persistent")).isEqualTo("true");
    assertThat(timer.get("OnCalendar")).isEqualTo("*-*-* 02:00:00 UTC");
  }

  /** Our CLI parses the arguments, and docs/operations.md shows the same command. */
  private static void assertAcceptedAndDocumented(List<String> args) throws Exception {
    EscalationRca.commandLine().parseArgs(args.toArray(String[]::new));
    assertThat(Files.readString(Path.of("docs", "operations.md"))).contains(String.join(" ", args.subList(0, 3)));
  }

  /** The Jib image's name, user and volumes, from the jobs pom's image profile. */
  private static Map<String, String> jibConfiguration() throws Exception {
    Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("jobs/pom.xml").toFile());
    Element parent = (Element) pom.getElementsByTagName("parent").item(0);
    String version = parent.getElementsByTagName("version").item(0).getTextContent();
    Element to = (Element) pom.getElementsByTagName("to").item(0);
    Element container = (Element) pom.getElementsByTagName("container").item(0);
    Map<String, String> jib = new LinkedHashMap<>();
    jib.put("image", to.getElementsByTagName("image").item(0).getTextContent().replace("${project.version}", version));
    jib.put("user", container.getElementsByTagName("user").item(0).getTextContent());
    List<String> volumes = new ArrayList<>();
    for (int i = 0; i < container.getElementsByTagName("volume").getLength(); i++) {
      volumes.add(container.getElementsByTagName("volume").item(i).getTextContent());
    }
    jib.put("volumes", String.join(" ", volumes));
    jib.put("ports", container.getElementsByTagName("port").item(0).getTextContent());
    return jib;
  }

  /** A systemd unit's keys (the last value wins), comments and sections skipped. */
  private static Map<String, String> unit(Path file) throws Exception {
    Map<String, String> keys = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file)) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("[")) {
        continue;
      }
      int equals = trimmed.indexOf('=');
      keys.put(trimmed.substring(0, equals), trimmed.substring(equals + 1));
    }
    return keys;
  }
}
