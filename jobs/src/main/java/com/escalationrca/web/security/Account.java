package com.escalationrca.web.security;

import java.time.Instant;

/** A local account as `users list` shows it: never its password hash. */
public record Account(String name, Role role, int failedAttempts, Instant lockedUntil, Instant created) {

  public boolean lockedAt(Instant now) {
    return lockedUntil != null && lockedUntil.isAfter(now);
  }
}
