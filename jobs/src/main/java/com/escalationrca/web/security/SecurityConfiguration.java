package com.escalationrca.web.security;

import com.escalationrca.web.WebProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Who may see what. Pages sign in with a form and a session (CSRF-protected); the JSON API also
 * takes HTTP Basic for scripts and answers 401/403 instead of redirecting. Nothing but the sign-in
 * page and static assets is public. The Content-Security-Policy allows no inline script at all,
 * and pages may not be framed.
 */
@Configuration
@EnableWebSecurity
@ConditionalOnWebApplication
public class SecurityConfiguration {

  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
      + " img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  @Bean
  PasswordEncoder passwordEncoder(Accounts accounts) {
    return accounts.encoder();
  }

  @Bean
  AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
    return new DefaultAuthenticationEventPublisher(publisher);
  }

  /** Probes read /actuator/health without credentials (status only); metrics are for admins (Basic for a scraper). */
  @Bean
  @Order(0)
  SecurityFilterChain actuator(HttpSecurity http, SignInThrottle throttle) throws Exception {
    http.securityMatcher("/actuator/**")
        .addFilterBefore(throttle, org.springframework.security.web.authentication.www.BasicAuthenticationFilter.class)
        .authorizeHttpRequests(a -> a
            .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
            .anyRequest().hasRole(Role.ADMIN.name()))
        .httpBasic(basic -> basic.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
        .exceptionHandling(e -> e.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
        .csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
    headers(http);
    return http.build();
  }

  @Bean
  @Order(1)
  SecurityFilterChain api(HttpSecurity http, Accounts accounts, SignInThrottle throttle) throws Exception {
    http.securityMatcher("/api/**")
        .addFilterBefore(throttle, org.springframework.security.web.authentication.www.BasicAuthenticationFilter.class)
        .authorizeHttpRequests(a -> a
            .requestMatchers("/api/search/**", "/api/search", "/api/escalations/**").hasRole(Role.ANALYST.name())
            .requestMatchers("/api/audit/**", "/api/audit").hasRole(Role.ADMIN.name())
            .anyRequest().hasRole(Role.MANAGER.name()))
        .httpBasic(basic -> basic.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
        .exceptionHandling(e -> e.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
        // Read-only GETs: a script's Basic request needs no token; a browser's session cookie is
        // SameSite=Lax and cannot carry a cross-site write because there is none.
        .csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
        .addFilterBefore(new AccountCheck(accounts), AuthorizationFilter.class);
    headers(http);
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain pages(HttpSecurity http, ObjectProvider<ClientRegistrationRepository> singleSignOn,
                            WebProperties properties, Accounts accounts, SignInThrottle throttle) throws Exception {
    http.addFilterBefore(throttle, org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter.class)
        .authorizeHttpRequests(a -> a
            .requestMatchers("/login", "/oauth2/**", "/login/oauth2/**", "/css/**", "/webjars/**", "/favicon.ico", "/error").permitAll()
            .requestMatchers("/search", "/search.csv", "/escalations/**").hasRole(Role.ANALYST.name())
            .requestMatchers("/admin/**").hasRole(Role.ADMIN.name())
            .anyRequest().hasRole(Role.MANAGER.name()))
        .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
        .logout(logout -> logout.logoutSuccessUrl("/login?signedOut").permitAll())
        .csrf(Customizer.withDefaults())
        .addFilterBefore(new AccountCheck(accounts), AuthorizationFilter.class);
    // Single sign-on when spring.security.oauth2.client.registration.* is configured.
    if (singleSignOn.getIfAvailable() != null) {
      http.oauth2Login(oidc -> oidc.loginPage("/login").defaultSuccessUrl("/", false)
          .failureUrl("/login?ssoError")
          .userInfoEndpoint(u -> u.oidcUserService(new OidcRoles(properties.roleClaim(), properties.roleMapping()))));
    }
    headers(http);
    return http.build();
  }

  private static void headers(HttpSecurity http) throws Exception {
    http.headers(h -> h
        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
        .frameOptions(f -> f.deny())
        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
  }
}
