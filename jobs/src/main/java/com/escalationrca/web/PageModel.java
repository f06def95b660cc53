package com.escalationrca.web;

import com.escalationrca.web.security.Viewer;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's navigation needs: who is signed in and which links to offer them. */
@ControllerAdvice(basePackageClasses = PageModel.class)
public class PageModel {

  private final RoleHierarchy hierarchy;

  public PageModel(RoleHierarchy hierarchy) {
    this.hierarchy = hierarchy;
  }

  @ModelAttribute("viewer")
  public Viewer viewer() {
    return Viewer.current(hierarchy);
  }
}
