package com.escalationrca.web.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Single sign-on users get their role from a claim of the identity provider's ID token or user
 * info ({@code rca.web.role-claim}, "roles" by default; a string or a list): each value is looked
 * up exactly in {@code rca.web.role-mapping}, and the highest role found wins. A person whose claim
 * maps to no role is refused, never given a default. Their name is {@code sso:} + their user name,
 * so a sign-in through the identity provider can neither clear nor pose as a local account's
 * lockout and audit trail.
 */
public final class OidcRoles implements OAuth2UserService<OidcUserRequest, OidcUser> {

  private final OidcUserService delegate = new OidcUserService();
  /** The prefix of single-sign-on users' names. */
  public static final String NAMESPACE = "sso:";

  private final String claim;
  private final java.util.Map<String, String> mapping;

  public OidcRoles(String claim, java.util.Map<String, String> mapping) {
    this.claim = claim;
    this.mapping = java.util.Map.copyOf(mapping);
  }

  @Override
  public OidcUser loadUser(OidcUserRequest request) {
    OidcUser user = delegate.loadUser(request);
    Role role = highest(user.getAttributes().get(claim), mapping).orElseThrow(() -> new OAuth2AuthenticationException(
        new OAuth2Error("access_denied", "the identity provider's '" + claim + "' claim maps to no role"
            + " (rca.web.role-mapping) for " + user.getName(), null)));
    // Audit entries should name people: their user name when the provider tells it, else the subject.
    String nameKey = user.getAttributes().containsKey("preferred_username") ? "preferred_username" : "sub";
    return new DefaultOidcUser(Set.of(new SimpleGrantedAuthority(role.authority())), user.getIdToken(),
        user.getUserInfo(), nameKey) {
      @Override
      public String getName() {
        return NAMESPACE + super.getName();
      }
    };
  }

  /** The highest role the claim's values map to exactly: "analyst", ["manager", "admin"]... */
  static java.util.Optional<Role> highest(Object value, java.util.Map<String, String> mapping) {
    List<String> names = new ArrayList<>();
    if (value instanceof Collection<?> values) {
      values.forEach(v -> names.add(String.valueOf(v)));
    } else if (value != null) {
      names.addAll(List.of(String.valueOf(value).split("[,\\s]+")));
    }
    Set<Role> roles = names.stream().map(String::strip).map(mapping::get).filter(java.util.Objects::nonNull)
        .map(OidcRoles::role).collect(Collectors.toSet());
    return roles.stream().max(Enum::compareTo);
  }

  private static Role role(String key) {
    for (Role role : Role.values()) {
      if (role.key().equals(key)) {
        return role;
      }
    }
    throw new IllegalArgumentException("not a role: " + key);
  }
}
