package com.escalationrca.web;

import com.escalationrca.index.LiveSearcher;
import com.escalationrca.store.StorageProperties;
import com.escalationrca.web.security.Role;
import com.escalationrca.web.security.SignInThrottle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;

/** Beans of the web application that are cheap and lazy enough to exist in every context. */
@Configuration
public class WebConfiguration {

  /** Each role includes the ones below it: admin ⊃ analyst ⊃ manager. */
  @Bean
  static RoleHierarchy roleHierarchy() {
    return RoleHierarchyImpl.withDefaultRolePrefix()
        .role(Role.ADMIN.name()).implies(Role.ANALYST.name())
        .role(Role.ANALYST.name()).implies(Role.MANAGER.name())
        .build();
  }

  /**
   * The session cookie is marked Secure when the app is reached over HTTPS, which is what
   * {@code rca.publish.base-url} says: behind a TLS proxy the server itself sees plain HTTP and could
   * not tell. ({@code server.servlet.session.cookie.secure: true} forces it too.)
   */
  @Bean
  org.springframework.boot.web.servlet.ServletContextInitializer secureSessionCookie(
      @org.springframework.beans.factory.annotation.Value("${rca.publish.base-url:}") String baseUrl) {
    return context -> {
      if (servedOverHttps(baseUrl)) {
        context.getSessionCookieConfig().setSecure(true);
      }
    };
  }

  /** Whether the configured base URL is an https one. */
  public static boolean servedOverHttps(String baseUrl) {
    return baseUrl != null && baseUrl.strip().toLowerCase(java.util.Locale.ROOT).startsWith("https://");
  }

  /**
   * One throttle for every security chain: failures are counted per client address wherever they
   * happen. Here, not in the security configuration, because the sign-in events it counts are
   * listened to in every context.
   */
  @Bean
  SignInThrottle signInThrottle(WebProperties properties) {
    return new SignInThrottle(properties.maxAttemptsPerMinute(), java.time.Clock.systemUTC());
  }

  /** Opens the index on first use and follows the job's rewrites of it; every search within rca.search's bounds. */
  @Bean(destroyMethod = "close")
  LiveSearcher liveSearcher(StorageProperties storage, com.escalationrca.index.SearchProperties search) {
    return new LiveSearcher(storage.indexDir(), search.limits());
  }

  @Bean
  SearchPermits searchPermits(com.escalationrca.index.SearchProperties search) {
    return new SearchPermits(search.maxConcurrentPerUser());
  }
}
