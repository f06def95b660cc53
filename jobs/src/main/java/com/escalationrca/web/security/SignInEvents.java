package com.escalationrca.web.security;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/** Counts wrong passwords per account (throttling) and audits sign-ins and failures. */
@Component
public class SignInEvents {

  /** Longest user name kept: what someone types into the form is not ours to store whole. */
  public static final int MAX_NAME = 64;

  private final Accounts accounts;
  private final AuditLog audit;
  private final SignInThrottle throttle;

  public SignInEvents(Accounts accounts, AuditLog audit, SignInThrottle throttle) {
    this.accounts = accounts;
    this.audit = audit;
    this.throttle = throttle;
  }

  @EventListener
  public void failed(AuthenticationFailureBadCredentialsEvent event) {
    String name = String.valueOf(event.getAuthentication().getPrincipal());
    String remote = remote(event.getAuthentication().getDetails());
    throttle.failed(remote);
    accounts.signInFailed(name);
    audit.record(cut(name), "sign-in failed", "wrong password", remote);
  }

  private static String cut(String name) {
    return name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME) + "…";
  }

  @EventListener
  public void succeeded(AuthenticationSuccessEvent event) {
    String name = event.getAuthentication().getName();
    accounts.signInSucceeded(name);
    // HTTP Basic authenticates every API call: audit only interactive sign-ins (those with a form).
    if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details
        && details.getSessionId() == null) {
      return;
    }
    audit.record(cut(name), "sign-in", "", remote(event.getAuthentication().getDetails()));
  }

  private static String remote(Object details) {
    return details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : "";
  }
}
