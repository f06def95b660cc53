package com.escalationrca.external;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class MovedSettingsTest {

  @Test
  void anHttpSettingUnderItsOldKeyRefusesToStartNamingTheNewOne() {
    MockEnvironment old = new MockEnvironment().withProperty("rca.publish.http.attempts", "3");

    assertThatThrownBy(() -> new MovedSettings(old)).isInstanceOf(IllegalStateException.class)
        .hasMessage("rca.publish.http.* moved to rca.http.* (the same keys): rename them in your configuration or"
            + " environment (RCA_PUBLISH_HTTP_* to RCA_HTTP_*)");
  }

  @Test
  void theNewKeyAndOtherPublishSettingsStart() {
    MockEnvironment current = new MockEnvironment().withProperty("rca.http.attempts", "3")
        .withProperty("rca.publish.top-causes", "5");

    assertThatCode(() -> new MovedSettings(current)).doesNotThrowAnyException();
  }
}
