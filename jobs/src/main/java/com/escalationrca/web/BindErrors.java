package com.escalationrca.web;

import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;

/** A form parameter that could not be read, in the words of the other bad-input messages. */
public final class BindErrors {

  private BindErrors() {
  }

  public static String message(BindException e) {
    FieldError error = e.getFieldError();
    return error == null ? "the request's parameters could not be read"
        : "'" + error.getRejectedValue() + "' is not a valid " + error.getField();
  }
}
