package com.escalationrca.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.escalationrca.CliProcess;
import com.escalationrca.generate.DatasetWriter;
import com.escalationrca.generate.GeneratorSpec;
import com.escalationrca.store.EmbeddedServer;
import com.escalationrca.store.Folders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Nights that survive crashes and outages, with real processes. An {@code rca run} is killed with
 * SIGKILL inside each step, its embedded PostgreSQL left running as an orphan; the next plain
 * command adopts the server, resumes the run with no manual cleanup and publishes exactly what an
 * uninterrupted run publishes. An external PostgreSQL (a second embedded server standing in for
 * production) stopped in the middle of analysis fails the run with one line naming the database
 * and exit code 4, and the same command finishes once the database is back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NightsSurviveFaultsTest {

  private static final LocalDate RUN_DATE = LocalDate.of(2026, 3, 1);
  private static final List<String> REPORT_FILES = List.of("findings.json", "findings.csv", "causes.csv",
      "clusters.csv", "assignments.csv");
  /** Small chunks, so that "mid-chunk" is many chunks before the end. */
  private static final Map<String, String> SMALL_CHUNKS = Map.of("RCA_RUN_CHUNK_SIZE", "100",
      "RCA_RUN_INDEX_CHUNK_SIZE", "300");

  private Path root;
  private Path data;
  private Path template;
  private Path reference;

  @BeforeAll
  void importOnceAndRunOnceUninterrupted() throws Exception {
    root = Files.createTempDirectory("rca-faults-");
    data = root.resolve("escalations.jsonl");
    new DatasetWriter().write(new GeneratorSpec(1500, 42, 9, RUN_DATE, 1, 40, List.of()), data);
    template = root.resolve("template");
    assertThat(CliProcess.run(Map.of(), List.of(), "import", data.toString(), "--data-dir", template.toString()).exit()).isZero();
    Path uninterrupted = copyOfTemplate("uninterrupted");
    CliProcess.Result run = CliProcess.run(SMALL_CHUNKS, List.of(), "run", "--date", RUN_DATE.toString(), "--data-dir", uninterrupted.toString(),
        "--reports-dir", uninterrupted.resolve("reports").toString());
    assertThat(run.exit()).as(run.stderr()).isZero();
    reference = uninterrupted.resolve("reports").resolve(RUN_DATE.toString());
  }

  @AfterAll
  void removeFolders() throws IOException {
    Folders.deleteRecursively(root);
  }

  @ParameterizedTest(name = "killed in {0} after {1} chunks")
  @CsvSource({"openStep, 0", "analyzeStep, 2", "embedStep, 1", "indexStep, 1", "clusterStep, 0", "correlateStep, 0",
      "publishStep, 0"})
  void aRunKilledInsideAStepIsFinishedByThePlainCommandWithTheSameReport(String step, int afterChunks) throws Exception {
    Path folder = copyOfTemplate(step);
    String[] run = {"run", "--date", RUN_DATE.toString(), "--data-dir", folder.toString(),
        "--reports-dir", folder.resolve("reports").toString()};

    CliProcess.Running killed = CliProcess.start(SMALL_CHUNKS, faultAt(step, afterChunks, ""), run);
    killed.awaitFaultPoint(step);
    killed.process().destroyForcibly();
    assertThat(killed.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
    // kill -9 leaves the embedded PostgreSQL running, with no user left: an orphan.
    assertThat(folder.resolve("postgres").resolve("postmaster.pid")).exists();

    CliProcess.Result resumed = CliProcess.run(SMALL_CHUNKS, List.of(), run);

    assertThat(resumed.exit()).as(resumed.stderr()).isZero();
    assertThat(resumed.stdout()).contains("was left unfinished", "resumed from " + step);
    for (String file : REPORT_FILES) {
      assertThat(folder.resolve("reports").resolve(RUN_DATE.toString()).resolve(file)).as(file)
          .hasSameTextualContentAs(reference.resolve(file));
    }
    // The command that adopted the orphan was its last user: nothing is left running.
    assertThat(folder.resolve("postgres").resolve("postmaster.pid")).doesNotExist();
    assertThat(EmbeddedServer.users(folder.resolve("postgres"))).isEmpty();
  }

  @Test
  void anExternalDatabaseStoppedDuringAnalysisFailsTheRunInOneLineAndTheSameCommandFinishesOnceItIsBack()
      throws Exception {
    Path production = root.resolve("production");
    int port;
    try (var socket = new java.net.ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String url = "jdbc:postgresql://localhost:" + port + "/postgres";
    Map<String, String> environment = new java.util.HashMap<>(SMALL_CHUNKS);
    environment.put("SPRING_DATASOURCE_URL", url);
    environment.put("SPRING_DATASOURCE_USERNAME", "postgres");
    Path folder = root.resolve("with-production");
    String[] run = {"run", "--date", RUN_DATE.toString(), "--data-dir", folder.toString(),
        "--reports-dir", folder.resolve("reports").toString()};
    Path release = root.resolve("release-analysis");
    EmbeddedServer server = EmbeddedServer.acquire(production.resolve("postgres"), port);
    environment.put("SPRING_DATASOURCE_PASSWORD", server.password());
    try {
      assertThat(CliProcess.run(environment, List.of(), "import", data.toString(), "--data-dir", folder.toString()).exit()).isZero();
      CliProcess.Running failing = CliProcess.start(environment, faultAt("analyzeStep", 2, release.toString()), run);
      failing.awaitFaultPoint("analyzeStep");
      server.close(); // the test was the server's only user: it stops
      Files.createFile(release);
      CliProcess.Result failed = failing.finish();

      assertThat(failed.exit()).as(failed.stdout() + failed.stderr()).isEqualTo(4);
      assertThat(failed.stderr().strip().lines()).singleElement().asString()
          .startsWith("error: the database is unreachable (" + url + "): ")
          .endsWith("the same command resumes (a failed night restarts from its failed step)");

      server = EmbeddedServer.acquire(production.resolve("postgres"), port);
      CliProcess.Result resumed = CliProcess.run(environment, List.of(), run);

      assertThat(resumed.exit()).as(resumed.stderr()).isZero();
      assertThat(resumed.stdout()).contains("resumed from analyzeStep");
      for (String file : REPORT_FILES) {
        assertThat(folder.resolve("reports").resolve(RUN_DATE.toString()).resolve(file)).as(file)
            .hasSameTextualContentAs(reference.resolve(file));
      }
    } finally {
      server.close();
    }
  }

  @Test
  void commandsOnOneDataFolderShareItsServerAndAnotherRunOrReindexIsRefusedNamingTheFirst() throws Exception {
    Path folder = copyOfTemplate("concurrent");
    String[] run = {"run", "--date", RUN_DATE.toString(), "--data-dir", folder.toString(),
        "--reports-dir", folder.resolve("reports").toString()};
    Path release = root.resolve("release-concurrent");

    CliProcess.Running first = CliProcess.start(SMALL_CHUNKS, faultAt("analyzeStep", 1, release.toString()), run);
    first.awaitFaultPoint("analyzeStep");
    long started = System.nanoTime();
    CliProcess.Result second = CliProcess.run(SMALL_CHUNKS, List.of(), run);
    long refusedInSeconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
    // Runs of other dates and reindex share the index folder and last night's clusters: refused too.
    CliProcess.Result otherDate = CliProcess.run(SMALL_CHUNKS, List.of(), "run", "--date", RUN_DATE.minusDays(1).toString(),
        "--data-dir", folder.toString(), "--reports-dir", folder.resolve("reports").toString());
    CliProcess.Result reindex = CliProcess.run(Map.of(), List.of(), "reindex", "--data-dir", folder.toString());
    // An import on the same folder meanwhile shares the running server instead of colliding with it.
    CliProcess.Result importing = CliProcess.run(Map.of(), List.of(), "import", data.toString(), "--data-dir", folder.toString());
    Files.createFile(release);
    CliProcess.Result finished = first.finish();

    assertThat(second.exit()).as(second.stdout() + second.stderr()).isEqualTo(3);
    String holder = "escalation-rca run " + RUN_DATE + ", pid " + first.process().pid() + " on ";
    assertThat(second.stderr().strip()).startsWith("error: the run for " + RUN_DATE + " cannot start: " + holder)
        .contains("is in progress (one run or reindex at a time)");
    assertThat(otherDate.exit()).as(otherDate.stdout() + otherDate.stderr()).isEqualTo(3);
    assertThat(otherDate.stderr().strip()).startsWith("error: the run for " + RUN_DATE.minusDays(1) + " cannot start: "
        + holder);
    assertThat(reindex.exit()).as(reindex.stdout() + reindex.stderr()).isEqualTo(3);
    assertThat(reindex.stderr().strip()).startsWith("error: reindex cannot start: " + holder);
    assertThat(refusedInSeconds).as("refused at once, not after waiting")
        .isLessThan(60);
    assertThat(importing.exit()).as(importing.stderr()).isZero();
    assertThat(importing.stdout()).contains("unchanged 1500");
    assertThat(finished.exit()).as(finished.stderr()).isZero();
    assertThat(folder.resolve("postgres").resolve("postmaster.pid")).doesNotExist();
  }

  private Path copyOfTemplate(String name) throws IOException {
    Path target = root.resolve(name);
    try (var paths = Files.walk(template)) {
      for (Path source : paths.toList()) {
        Path copy = target.resolve(template.relativize(source).toString());
        if (Files.isDirectory(source) || !source.getFileName().toString().equals("postmaster.pid")) {
          Files.copy(source, copy, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
    return target;
  }

  private static List<String> faultAt(String step, int afterChunks, String release) {
    return List.of("-Dspring.main.sources=" + FaultPoints.class.getName(), "-Drca.fault.step=" + step,
        "-Drca.fault.after-chunks=" + afterChunks, "-Drca.fault.release=" + release);
  }

}
