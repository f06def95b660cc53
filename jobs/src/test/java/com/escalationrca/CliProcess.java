package com.escalationrca;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.escalationrca.faults.FaultPoints;

/**
 * A real {@code escalation-rca} process for tests that need one (a kill -9, an environment of its
 * own): the CLI on the test classpath, started from the project folder, its standard output read
 * line by line (to see fault points) and its standard error collected.
 */
public final class CliProcess {

  private CliProcess() {
  }

  /** What a finished command printed and its exit code. */
  public record Result(int exit, String stdout, String stderr) {
  }

  public static Running start(Map<String, String> environment, List<String> jvmOptions, String... arguments)
      throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx768m", "-cp", System.getProperty("java.class.path")));
    command.addAll(jvmOptions);
    command.add("com.escalationrca.cli.EscalationRca");
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(environment);
    return new Running(builder.start());
  }

  public static Result run(Map<String, String> environment, List<String> jvmOptions, String... arguments)
      throws Exception {
    return start(environment, jvmOptions, arguments).finish();
  }

  /** A started command: its output so far, the fault points it reached, its standard error. */
  public static final class Running {
    private final Process process;
    private final StringBuffer stdout = new StringBuffer();
    private final LinkedBlockingQueue<String> faultPoints = new LinkedBlockingQueue<>();
    private final CompletableFuture<Void> out;
    private final CompletableFuture<String> err;

    Running(Process process) {
      this.process = process;
      this.out = CompletableFuture.runAsync(() -> {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
          for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            stdout.append(line).append('\n');
            if (line.startsWith(FaultPoints.MARKER + " ")) {
              faultPoints.add(line.substring(FaultPoints.MARKER.length() + 1));
            }
          }
        } catch (IOException e) {
          // the process was killed: its output ends here
        }
      });
      this.err = CompletableFuture.supplyAsync(() -> {
        try {
          return new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
          return "";
        }
      });
    }

    public Process process() {
      return process;
    }

    /** What the command printed on standard output so far. */
    public String output() {
      return stdout.toString();
    }

    public void awaitFaultPoint(String step) throws InterruptedException {
      String reached = faultPoints.poll(240, TimeUnit.SECONDS);
      assertThat(reached).as("the run reached the fault point in " + step + "; it printed:%n%s", stdout).isEqualTo(step);
    }

    public Result finish() throws Exception {
      assertThat(process.waitFor(300, TimeUnit.SECONDS)).as("the command finished in time").isTrue();
      out.get(60, TimeUnit.SECONDS);
      return new Result(process.exitValue(), stdout.toString(), err.get(60, TimeUnit.SECONDS));
    }
  }
}
