package com.escalationrca.web;

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
 * info ({@code rca.web.role-claim}, "roles" by default; a string or a list, the highest role it
 * names wins). A person whose claim names no role of ours is refused, never given a default.
 */
public final class OidcRoles implements OAuth2UserService<OidcUserRequest, OidcUser> {

  private final OidcUserService delegate = new OidcUserService();
  private final String claim;

  public OidcRoles(String claim) {
    this.claim = claim;
  }

  @Override
  public OidcUser loadUser(OidcUserRequest request) {
    OidcUser user = delegate.loadUser(request);
    Role role = highest(user.getAttributes().get(claim)).orElseThrow(() -> new OAuth2AuthenticationException(
        new OAuth2Error("access_denied", "the identity provider's '" + claim + "' claim names no role"
            + " (analyst, manager or admin) for " + user.getName(), null)));
    // Audit entries should name people: their user name when the provider tells it, else the subject.
    String nameKey = user.getAttributes().containsKey("preferred_username") ? "preferred_username" : "sub";
    return new DefaultOidcUser(Set.of(new SimpleGrantedAuthority(role.authority())), user.getIdToken(),
        user.getUserInfo(), nameKey);
  }

  /** The highest role a claim value names: "analyst", ["manager", "admin"], "rca-admin"... */
  static java.util.Optional<Role> highest(Object value) {
    List<String> names = new ArrayList<>();
    if (value instanceof Collection<?> values) {
      values.forEach(v -> names.add(String.valueOf(v)));
    } else if (value != null) {
      names.addAll(List.of(String.valueOf(value).split("[,\\s]+")));
    }
    Set<Role> roles = names.stream().map(OidcRoles::role).filter(java.util.Objects::nonNull).collect(Collectors.toSet());
    return roles.stream().max(Enum::compareTo);
  }

  private static Role role(String name) {
    String key = name.strip().toLowerCase(java.util.Locale.ROOT);
    for (Role role : Role.values()) {
      if (key.equals(role.key()) || key.endsWith("-" + role.key()) || key.endsWith(":" + role.key())) {
        return role;
      }
    }
    return null;
  }
}
