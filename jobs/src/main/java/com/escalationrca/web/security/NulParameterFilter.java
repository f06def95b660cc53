package com.escalationrca.web.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses a request whose parameters hold a NUL character (400, naming the parameter): nothing
 * behind the pages and the API (the audit log, causes, accounts, PostgreSQL text) can store one,
 * and no person types one.
 */
@Component
@ConditionalOnWebApplication
public class NulParameterFilter extends OncePerRequestFilter {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
      for (String value : parameter.getValue()) {
        if (value.indexOf('\0') >= 0 || parameter.getKey().indexOf('\0') >= 0) {
          refuse(request, response, parameter.getKey().replace('\0', '\uFFFD'));
          return;
        }
      }
    }
    chain.doFilter(request, response);
  }

  private static void refuse(HttpServletRequest request, HttpServletResponse response, String name) throws IOException {
    String message = "the parameter '" + name + "' contains a NUL character (U+0000), which cannot be searched or stored";
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
      response.setContentType("application/json");
      response.getWriter().write(JSON.writeValueAsString(Map.of("error", message)));
    } else {
      response.setContentType("text/plain");
      response.getWriter().write(message);
    }
  }
}
