package com.escalationrca.web.security;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A signed-in session follows its account: `users set-role`, `remove` or a lockout (often from
 * another process) take effect within seconds, not when the session expires. Each request of a
 * local account compares its role with the account's (read at most every few seconds per name); a
 * removed or locked account's session is ended, a changed role replaces the session's.
 */
public final class AccountCheck extends OncePerRequestFilter {

  private static final Duration FRESH = Duration.ofSeconds(3);

  private final Accounts accounts;
  private final Clock clock = Clock.systemUTC();
  private final Map<String, Looked> looked = new ConcurrentHashMap<>();

  private record Looked(Optional<Account> account, Instant at) {
  }

  public AccountCheck(Accounts accounts) {
    this.accounts = accounts;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    // Local accounts only: a single-sign-on user's role comes from the identity provider.
    if (auth instanceof UsernamePasswordAuthenticationToken && auth.isAuthenticated()) {
      Optional<Account> account = account(auth.getName());
      if (account.isEmpty() || account.get().lockedAt(clock.instant())) {
        SecurityContextHolder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
          session.invalidate();
        }
      } else {
        String authority = account.get().role().authority();
        boolean same = auth.getAuthorities().size() == 1
            && auth.getAuthorities().iterator().next().getAuthority().equals(authority);
        if (!same) {
          SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
              auth.getPrincipal(), null, List.of(new SimpleGrantedAuthority(authority))));
        }
      }
    }
    chain.doFilter(request, response);
  }

  private Optional<Account> account(String name) {
    Instant now = clock.instant();
    Looked cached = looked.get(name);
    if (cached == null || cached.at().plus(FRESH).isBefore(now)) {
      cached = new Looked(accounts.find(name), now);
      looked.put(name, cached);
    }
    return cached.account();
  }
}
