package com.escalationrca.cli;

/**
 * A question the command cannot answer as asked (a window that ends before it starts, a baseline
 * overlapping it, dates with no escalations): one line and exit {@value ExitCodes#USAGE}, without
 * the usage text picocli prints for a malformed command line, which would bury the reason.
 */
final class UsageException extends IllegalArgumentException {

  UsageException(String message) {
    super(message);
  }
}
