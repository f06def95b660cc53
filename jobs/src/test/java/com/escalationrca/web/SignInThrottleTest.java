package com.escalationrca.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import com.escalationrca.EscalationRcaApplication;
import com.escalationrca.TestFolders;
import com.escalationrca.web.security.AuditLog;
import com.escalationrca.web.security.SignInEvents;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Failed sign-ins are throttled per client address (the form and API credentials alike), and what
 * someone types as a user name is stored cut.
 */
@SpringBootTest(classes = EscalationRcaApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SignInThrottleTest {

  private static final Path ROOT = TestFolders.temporary("rca-throttle-");

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    TestFolders.storage(registry, ROOT);
    registry.add("rca.web.max-attempts-per-minute", () -> "3");
  }

  @LocalServerPort
  int port;
  @org.springframework.beans.factory.annotation.Autowired
  AuditLog audit;

  @Test
  void aFloodOfWrongPasswordsFromOneAddressIsThrottledAndLeavesTheAuditReadable() throws Exception {
    String longName = "x".repeat(5000);
    for (int i = 0; i < 3; i++) {
      HttpResponse<String> wrong = WebClient.anonymous(port).signIn(i == 0 ? longName : "nobody" + i, "guess " + i);
      assertThat(wrong.statusCode()).isEqualTo(302);
    }

    HttpResponse<String> throttled = WebClient.anonymous(port).signIn("nobody9", "guess 9");
    assertThat(throttled.statusCode()).isEqualTo(429);
    assertThat(throttled.headers().firstValue("Retry-After")).contains("60");
    assertThat(WebClient.basic(port, "nobody", "guess").get("/api/runs").statusCode()).isEqualTo(429);
    List<AuditLog.Event> failures = audit.recent(null, 100).stream()
        .filter(e -> e.action().equals("sign-in failed")).toList();
    assertThat(failures).hasSize(3);
    assertThat(failures).extracting(AuditLog.Event::user).anySatisfy(name ->
        assertThat(name).hasSize(SignInEvents.MAX_NAME + 1).startsWith("xxxx").endsWith("…"));
  }

}
