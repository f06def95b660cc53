package com.escalationrca.web.security;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Wrong passwords are limited per client address as well as per account: after
 * {@code rca.web.max-attempts-per-minute} failed sign-ins from one address in a minute, its
 * sign-in attempts (the form, and API calls with credentials) get 429 until the minute has passed,
 * without a password being checked or an audit entry written. So guessing across many account
 * names is slow, and a flood cannot push the audit page's real events out of sight.
 */
public final class SignInThrottle extends OncePerRequestFilter {

  private static final Duration WINDOW = Duration.ofMinutes(1);

  private final int maxPerMinute;
  private final Clock clock;
  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

  public SignInThrottle(int maxPerMinute, Clock clock) {
    this.maxPerMinute = maxPerMinute;
    this.clock = clock;
  }

  /** A failed sign-in from this address. */
  public void failed(String address) {
    Deque<Instant> times = failures.computeIfAbsent(address == null ? "" : address, a -> new ArrayDeque<>());
    synchronized (times) {
      times.addLast(clock.instant());
      prune(times);
    }
  }

  /** Whether this address has used up its failed attempts of the last minute. */
  public boolean throttled(String address) {
    Deque<Instant> times = failures.get(address == null ? "" : address);
    if (times == null) {
      return false;
    }
    synchronized (times) {
      prune(times);
      return times.size() >= maxPerMinute;
    }
  }

  private void prune(Deque<Instant> times) {
    Instant oldest = clock.instant().minus(WINDOW);
    while (!times.isEmpty() && times.peekFirst().isBefore(oldest)) {
      times.removeFirst();
    }
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    boolean signingIn = "POST".equals(request.getMethod()) && "/login".equals(request.getServletPath())
        || request.getHeader("Authorization") != null;
    if (signingIn && throttled(request.getRemoteAddr())) {
      response.setStatus(429);
      response.setHeader("Retry-After", String.valueOf(WINDOW.toSeconds()));
      response.setContentType("text/plain;charset=UTF-8");
      response.getWriter().write("Too many failed sign-ins from this address; try again in a minute.");
      return;
    }
    chain.doFilter(request, response);
  }
}
