package com.escalationrca;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import com.escalationrca.job.NightlyRunLauncher.RunOutcome;
import org.springframework.batch.core.BatchStatus;

/** Asserts a night completed; when it did not, the failure says why (CI keeps only the assertion). */
public final class Outcomes {

  private Outcomes() {
  }

  public static RunOutcome completed(RunOutcome outcome) {
    assertThat(outcome.status()).as(() -> "the night did not complete: " + outcome.exitDescription() + "\n"
        + traces(outcome)).isEqualTo(BatchStatus.COMPLETED);
    return outcome;
  }

  private static String traces(RunOutcome outcome) {
    StringWriter out = new StringWriter();
    outcome.failures().forEach(f -> f.printStackTrace(new PrintWriter(out)));
    return out.toString();
  }
}
