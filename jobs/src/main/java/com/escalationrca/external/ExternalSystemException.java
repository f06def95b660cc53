package com.escalationrca.external;

/** A pull or a publication that could not be done, in one line naming the external system and the reason. */
public final class ExternalSystemException extends RuntimeException {

  public ExternalSystemException(String message) {
    super(message);
  }

  public ExternalSystemException(String message, Throwable cause) {
    super(message, cause);
  }
}
