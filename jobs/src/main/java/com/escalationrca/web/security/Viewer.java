package com.escalationrca.web.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** The signed-in person of the current request, with what the pages may offer them. */
public record Viewer(String name, boolean analyst, boolean admin) {

  public static Viewer current(org.springframework.security.access.hierarchicalroles.RoleHierarchy hierarchy) {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !auth.isAuthenticated() || auth.getName() == null || "anonymousUser".equals(auth.getName())) {
      return new Viewer("", false, false);
    }
    var granted = hierarchy.getReachableGrantedAuthorities(auth.getAuthorities()).stream()
        .map(GrantedAuthority::getAuthority).toList();
    return new Viewer(auth.getName(), granted.contains(Role.ANALYST.authority()), granted.contains(Role.ADMIN.authority()));
  }

  public boolean signedIn() {
    return !name.isEmpty();
  }

  /** The client's address for the audit log (the proxy's forwarded one when server.forward-headers-strategy is set). */
  public static String remote(HttpServletRequest request) {
    return request.getRemoteAddr();
  }
}
