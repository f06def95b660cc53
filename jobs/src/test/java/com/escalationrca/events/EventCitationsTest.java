package com.escalationrca.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Which event a change cites, and events read from a team's calendar file. */
class EventCitationsTest {

  private static final LocalDate LAUNCH = LocalDate.of(2026, 11, 10);
  private static final Event POLICY = new Event(1, LAUNCH, null, "Private information policy v3", EventKind.POLICY_LAUNCH,
      Map.of("market", "BR"));
  private static final Event OUTAGE = new Event(2, LocalDate.of(2026, 11, 14), LocalDate.of(2026, 11, 16),
      "Review tool outage", EventKind.OUTAGE, Map.of());
  private static final EventCitations.Citer CITER = new EventCitations.Citer(List.of(POLICY, OUTAGE), 3);

  @Test
  void aChangeThatBeganSoonAfterAnEventConcerningItsValuesCitesIt() {
    assertThat(CITER.cite(LAUNCH.plusDays(1), Map.of("vendor", "Meridian Ops", "market", "BR")))
        .contains("began 1 day after 'Private information policy v3' (policy launch, market BR)");
    assertThat(CITER.cite(LAUNCH, Map.of("market", "BR"))).contains(
        "began on the day of 'Private information policy v3' (policy launch, market BR)");
    assertThat(CITER.cite(LAUNCH.plusDays(3), Map.of("market", "BR"))).get().asString().startsWith("began 3 days after");
  }

  @Test
  void anEventOfOtherValuesTooLongBeforeOrAfterTheOnsetIsNotCited() {
    EventCitations.Citer policyOnly = new EventCitations.Citer(List.of(POLICY), 3);
    assertThat(policyOnly.cite(LAUNCH.plusDays(1), Map.of("market", "MX"))).isEmpty();
    assertThat(policyOnly.cite(LAUNCH.plusDays(4), Map.of("market", "BR"))).isEmpty();
    assertThat(policyOnly.cite(LAUNCH.minusDays(1), Map.of("market", "BR"))).isEmpty();
    assertThat(policyOnly.cite(null, Map.of("market", "BR"))).isEmpty();
  }

  @Test
  void anEventOfEveryEscalationConcernsAllAndOneThatLastedIsCitedDuringIt() {
    assertThat(CITER.cite(LocalDate.of(2026, 11, 15), Map.of("market", "MX")))
        .contains("began during 'Review tool outage' (outage)");
    assertThat(CITER.cite(LocalDate.of(2026, 11, 18), Map.of())).contains("began 2 days after 'Review tool outage' (outage)");
    // A window cites an event inside it before one shortly before it.
    assertThat(CITER.citeWindow(LAUNCH.plusDays(2), LocalDate.of(2026, 11, 20), Map.of("market", "BR")))
        .contains("'Review tool outage' (outage) on 2026-11-14, within the window");
    assertThat(CITER.citeWindow(LAUNCH.plusDays(2), LAUNCH.plusDays(3), Map.of("market", "BR")))
        .contains("began 2 days after 'Private information policy v3' (policy launch, market BR)");
  }

  @Test
  void aBadEventSaysWhy() {
    assertThatThrownBy(() -> new Event(0, LAUNCH, LAUNCH.minusDays(1), "x", EventKind.OTHER, Map.of()))
        .hasMessage("the event ends (2026-11-09) before it starts (2026-11-10)");
    assertThatThrownBy(() -> new Event(0, LAUNCH, null, " ", EventKind.OTHER, Map.of()))
        .hasMessageContaining("needs a title");
    assertThatThrownBy(() -> new Event(0, LAUNCH, null, "x", EventKind.OTHER, Map.of("site", "Manila")))
        .hasMessageStartingWith("'site' is not a dimension");
    assertThatThrownBy(() -> EventKind.parse("launch")).hasMessageStartingWith("kind 'launch' is not one of policy-launch,");
    assertThatThrownBy(() -> Event.parseScope("BR")).hasMessageContaining("write DIM=VALUE");
  }

  @Test
  void aCalendarFileIsReadRowByRowAndEveryRejectedRowNamesItsLineAndReason() {
    EventImport.Read read = EventImport.read(new StringReader("""
        date,end,title,kind,where
        2026-11-10,,Private information policy v3,policy-launch,market=BR
        2026-11-12,2026-11-13,Tool outage,outage,
        2026-11-31,,A day that is not,other,
        2026-11-14,,Launch,launch,
        2026-11-15,,"Vendor change, Manila",vendor-change,vendor=Meridian Ops;market=PH
        """));

    assertThat(read.events()).extracting(Event::title)
        .containsExactly("Private information policy v3", "Tool outage", "Vendor change, Manila");
    assertThat(read.events().get(2).where()).containsExactly(Map.entry("vendor", "Meridian Ops"), Map.entry("market", "PH"));
    assertThat(read.rejected()).hasSize(2);
    assertThat(read.rejected().get(0)).startsWith("line 4: ").contains("2026-11-31");
    assertThat(read.rejected().get(1)).startsWith("line 5: kind 'launch' is not one of");
    assertThatThrownBy(() -> EventImport.read(new StringReader("day,name\n2026-11-10,x\n")))
        .hasMessageStartingWith("the header must name date and title");
  }
}
