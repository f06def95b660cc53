package com.escalationrca.web.api;

import java.util.Map;

import com.escalationrca.index.LiveSearcher;
import com.escalationrca.index.SearchTimeoutException;
import com.escalationrca.web.NotFoundException;
import com.escalationrca.web.SearchPermits;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** API errors as {"error": "…"} with the right status, the same words the CLI prints. */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
public class ApiErrors {

  @ExceptionHandler(NotFoundException.class)
  public ResponseEntity<Map<String, String>> notFound(NotFoundException e) {
    return error(HttpStatus.NOT_FOUND, e.getMessage());
  }

  @ExceptionHandler(LiveSearcher.NoIndexException.class)
  public ResponseEntity<Map<String, String>> noIndex(LiveSearcher.NoIndexException e) {
    return error(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
  }

  @ExceptionHandler(SearchTimeoutException.class)
  public ResponseEntity<Map<String, String>> searchTimeout(SearchTimeoutException e) {
    return error(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
  }

  @ExceptionHandler(SearchPermits.TooManySearchesException.class)
  public ResponseEntity<Map<String, String>> tooManySearches(SearchPermits.TooManySearchesException e) {
    return error(HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
  }

  /** A role may not ask this (a manager's narrative query): 403 with the reason, not the bare filter page. */
  @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
  public ResponseEntity<Map<String, String>> forbidden(org.springframework.security.access.AccessDeniedException e) {
    return error(HttpStatus.FORBIDDEN, e.getMessage());
  }

  @ExceptionHandler(IllegalArgumentException.class)
  public ResponseEntity<Map<String, String>> badRequest(IllegalArgumentException e) {
    return error(HttpStatus.BAD_REQUEST, e.getMessage());
  }

  /** A parameter bound into a form (/api/explain's dates) that is not what it should be. */
  @ExceptionHandler(org.springframework.validation.BindException.class)
  public ResponseEntity<Map<String, String>> badForm(org.springframework.validation.BindException e) {
    return error(HttpStatus.BAD_REQUEST, com.escalationrca.web.BindErrors.message(e));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  public ResponseEntity<Map<String, String>> badParameter(MethodArgumentTypeMismatchException e) {
    return error(HttpStatus.BAD_REQUEST, "'" + e.getValue() + "' is not a valid " + e.getName());
  }

  private static ResponseEntity<Map<String, String>> error(HttpStatus status, String message) {
    return ResponseEntity.status(status).body(Map.of("error", message));
  }
}
