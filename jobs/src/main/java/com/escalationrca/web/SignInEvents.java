package com.escalationrca.web;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/** Counts wrong passwords per account (throttling) and audits sign-ins and failures. */
@Component
public class SignInEvents {

  private final Accounts accounts;
  private final AuditLog audit;

  public SignInEvents(Accounts accounts, AuditLog audit) {
    this.accounts = accounts;
    this.audit = audit;
  }

  @EventListener
  public void failed(AuthenticationFailureBadCredentialsEvent event) {
    String name = String.valueOf(event.getAuthentication().getPrincipal());
    accounts.signInFailed(name);
    audit.record(name, "sign-in failed", "wrong password", remote(event.getAuthentication().getDetails()));
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
    audit.record(name, "sign-in", "", remote(event.getAuthentication().getDetails()));
  }

  private static String remote(Object details) {
    return details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : "";
  }
}
