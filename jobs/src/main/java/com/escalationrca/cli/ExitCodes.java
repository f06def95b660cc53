package com.escalationrca.cli;

import java.sql.SQLException;

import com.escalationrca.job.RunLock;

/**
 * What a non-zero exit means, so a scheduler can tell a night that failed (run the same command
 * again: it resumes) from one that never started.
 * <ul>
 *   <li>{@value #FAILED}: the command failed (a run: a step failed; the same command resumes it)</li>
 *   <li>{@value #USAGE}: the command line itself was wrong (a run date in the future, a question
 *   that cannot be answered as asked, too)</li>
 *   <li>{@value #LOCKED}: another process is running a night or a reindex</li>
 *   <li>{@value #DATABASE}: the database could not be reached</li>
 * </ul>
 */
final class ExitCodes {

  static final int FAILED = 1;
  static final int USAGE = 2;
  static final int LOCKED = 3;
  static final int DATABASE = 4;

  private ExitCodes() {
  }

  static int of(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof RunLock.RunLockedException) {
        return LOCKED;
      }
      if (t instanceof com.escalationrca.run.FutureRunDateException || t instanceof UsageException) {
        return USAGE;
      }
    }
    return databaseUnreachable(failure) != null ? DATABASE : FAILED;
  }

  /** The one line to print for a failure; {@code database} names the database the command used. */
  static String message(Throwable failure, String database) {
    String unreachable = databaseUnreachable(failure);
    if (unreachable != null) {
      return unreachable(database, unreachable);
    }
    Throwable reason = failure;
    while (reason.getCause() != null && (reason.getMessage() == null
        || reason instanceof org.springframework.beans.BeansException)) {
      reason = reason.getCause();
    }
    return reason.getMessage();
  }

  static String unreachable(String database, String reason) {
    return "the database is unreachable (" + database + "): " + reason
        + "; once it is back, the same command resumes (a failed night restarts from its failed step)";
  }

  /**
   * The reason the database could not be reached, from the innermost connection failure (a
   * refused connection, or SQLState class 08 or a server shutting down), or null when the failure is
   * something else.
   */
  static String databaseUnreachable(Throwable failure) {
    String reason = null;
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof java.net.ConnectException
          || t instanceof SQLException sql && sql.getSQLState() != null
              && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
        reason = firstSentence(t.getMessage());
      }
    }
    return reason;
  }

  private static String firstSentence(String message) {
    if (message == null) {
      return "no reason given";
    }
    int end = message.indexOf(". ");
    return end > 0 ? message.substring(0, end + 1) : message;
  }
}
