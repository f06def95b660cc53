package com.escalationrca.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.escalationrca.web.WebProperties;
import org.junit.jupiter.api.Test;

class OidcRolesTest {

  private static final Map<String, String> DEFAULT = new WebProperties(5, Duration.ofMinutes(15), 10, 25, "roles")
      .roleMapping();

  @Test
  void onlyExactClaimValuesGrantARoleNeverASuffix() {
    assertThat(OidcRoles.highest(List.of("jira-admin", "wiki-admin", "data-analyst", "team:manager"), DEFAULT)).isEmpty();
    assertThat(OidcRoles.highest("Admin", DEFAULT)).isEmpty();
    assertThat(OidcRoles.highest(List.of("manager", "analyst"), DEFAULT)).contains(Role.ANALYST);
    assertThat(OidcRoles.highest("analyst admin", DEFAULT)).contains(Role.ADMIN);
  }

  @Test
  void aTeamMapsItsOwnGroupNamesToRoles() {
    Map<String, String> mapping = new WebProperties(5, Duration.ofMinutes(15), 10, 25, "groups",
        Map.of("tns-rca-analysts", "analyst", "tns-leads", "manager"), 10).roleMapping();

    assertThat(OidcRoles.highest(List.of("tns-rca-analysts", "everyone"), mapping)).contains(Role.ANALYST);
    assertThat(OidcRoles.highest("analyst", mapping)).isEmpty();
    assertThatThrownBy(() -> new WebProperties(5, Duration.ofMinutes(15), 10, 25, "groups", Map.of("ops", "superuser"), 10))
        .hasMessage("rca.web.role-mapping maps 'ops' to 'superuser', which is not a role (analyst, manager or admin)");
  }
}
