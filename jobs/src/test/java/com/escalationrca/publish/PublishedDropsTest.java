package com.escalationrca.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import com.escalationrca.report.RunReport;
import org.junit.jupiter.api.Test;

class PublishedDropsTest {

  private static final String FELL = "Since 16 Nov, escalations from vendor Kestrel Trust <ops> are 0.2× their usual"
      + " share of volume (9 vs 45 in the last 7 days, q < 1e-9)";

  private static RunReport nightWithDrops(int drops) {
    List<RunReport.DropSummary> fell = java.util.stream.IntStream.rangeClosed(1, drops)
        .mapToObj(r -> new RunReport.DropSummary(r, "vendor", "Kestrel Trust " + r, 9, 45, 0.2, 0.1, 0.38, 1e-10, 6.4,
            1.3, r == 1 ? FELL : "drop " + r))
        .toList();
    return new RunReport(LocalDate.of(2026, 11, 20), null, null, List.of(), List.of(), List.of(), List.of(), List.of(),
        List.of(), fell);
  }

  @Test
  void aNightWithADropPostsItToChatEscapedAndCountsItInTheHeadline() {
    PublishedRun run = PublishedRun.of(nightWithDrops(1), 5, "https://rca.example.com", "reports/2026-11-20");

    String message = ChatWebhook.message(run).toString();

    assertThat(run.headline()).isEqualTo("Escalation RCA 2026-11-20: 0 top cause(s), 0 new, 1 drop");
    assertThat(message).contains("*Fell:*\\n• Since 16 Nov, escalations from vendor Kestrel Trust &lt;ops&gt; are 0.2×")
        .doesNotContain("<ops>");
  }

  @Test
  void theDigestListsTheDropsInTextAndHtmlAndItsSubjectCountsThem() {
    PublishedRun run = PublishedRun.of(nightWithDrops(1), 5, "", "reports/2026-11-20");

    assertThat(EmailDigest.subject(run, "[RCA]")).isEqualTo("[RCA] 2026-11-20: 0 top cause(s), 0 new, 1 drop");
    assertThat(EmailDigest.text(run)).contains("Fell (values whose escalations dropped below their usual share):\n- "
        + FELL);
    assertThat(EmailDigest.html(run)).contains("<h2 style=\"font-size: 1.1rem;\">Fell</h2>")
        .contains("<li>Since 16 Nov, escalations from vendor Kestrel Trust &lt;ops&gt; are 0.2×");
  }

  @Test
  void onlyTheTopDropsArePublishedAndANightWithoutDropsSaysNothingOfThem() {
    PublishedRun many = PublishedRun.of(nightWithDrops(8), 5, "", "reports/2026-11-20");
    PublishedRun none = PublishedRun.of(nightWithDrops(0), 5, "", "reports/2026-11-20");

    assertThat(many.drops()).hasSize(5);
    assertThat(many.headline()).endsWith(", 5 drops");
    assertThat(none.headline()).isEqualTo("Escalation RCA 2026-11-20: 0 top cause(s), 0 new");
    assertThat(ChatWebhook.message(none).toString()).doesNotContain("Fell");
    assertThat(EmailDigest.text(none)).doesNotContain("Fell");
  }
}
