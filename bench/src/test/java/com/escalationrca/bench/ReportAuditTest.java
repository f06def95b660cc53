package com.escalationrca.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import com.escalationrca.EscalationRcaApplication;
import com.escalationrca.Outcomes;
import com.escalationrca.TestFolders;
import com.escalationrca.generate.DatasetWriter;
import com.escalationrca.generate.GeneratorSpec;
import com.escalationrca.ingest.EscalationImporter;
import com.escalationrca.job.NightlyRunLauncher;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * `audit` on a real night: the report of the nightly job over a generated file with two planted
 * causes (one a vendor misapplying a policy in one market) is checked against the file's truth.
 */
@SpringBootTest(classes = EscalationRcaApplication.class)
class ReportAuditTest {

  private static final Path ROOT = TestFolders.temporary("rca-audit-");
  private static final LocalDate RUN_DATE = LocalDate.of(2026, 3, 1);

  @DynamicPropertySource
  static void storage(DynamicPropertyRegistry registry) {
    TestFolders.storage(registry, ROOT);
  }

  @Autowired
  EscalationImporter importer;
  @Autowired
  NightlyRunLauncher launcher;

  @Test
  void theAuditFindsBothPlantedCausesLeadingTheMorningReadAndNothingCollateral() throws Exception {
    Path data = ROOT.resolve("generated.jsonl");
    new DatasetWriter().write(new GeneratorSpec(5000, 42, 5, RUN_DATE, 2, 0, List.of("wrong_policy_applied")), data);
    importer.importFile(data, "native", c -> { });
    Path report = Path.of(Outcomes.completed(launcher.run(RUN_DATE, false, false)).reportPath());

    ReportAudit.Result audit = new ReportAudit().audit(report, data, 7);

    assertThat(audit.causesNamedAt().values()).containsExactlyInAnyOrder(1, 2);
    assertThat(audit.top().subList(0, 2)).allSatisfy(e -> assertThat(e.verdict()).startsWith("names "));
    assertThat(audit.collateralEntries()).isZero();
  }
}
