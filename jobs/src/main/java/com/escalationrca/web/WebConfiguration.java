package com.escalationrca.web;

import com.escalationrca.index.LiveSearcher;
import com.escalationrca.store.StorageProperties;
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

  /** Opens the index on first use and follows the job's rewrites of it. */
  @Bean(destroyMethod = "close")
  LiveSearcher liveSearcher(StorageProperties storage) {
    return new LiveSearcher(storage.indexDir());
  }
}
