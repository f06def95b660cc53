package com.escalationrca.web;

/** A page or API resource that does not exist: a 404 with this message. */
public final class NotFoundException extends RuntimeException {

  public NotFoundException(String message) {
    super(message);
  }
}
