package com.escalationrca.connect;

/** A publish or pull that could not be done, in one line naming the system and the reason. */
public final class PublishException extends RuntimeException {

  public PublishException(String message) {
    super(message);
  }

  public PublishException(String message, Throwable cause) {
    super(message, cause);
  }
}
