package com.escalationrca.job;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;

/**
 * One command that rewrites the nightly data at a time (a run of any date, a reindex), enforced by
 * the database: a PostgreSQL session-level advisory lock, one key for the whole database, held on a
 * connection of its own for the whole command. One key, not one per date: runs of two dates share
 * the index folder and last night's clusters, and a reindex swaps the index folder, so neither may
 * overlap a run. It holds against a
 * production PostgreSQL shared by several machines as well as against two commands on one data
 * folder, and PostgreSQL drops it when the holding session ends, however its process ended, so a
 * run still marked running while no one holds the lock was left by a process that died. The
 * session is named after the holder ({@code application_name}), so a refused command can say who
 * holds the lock.
 */
@Component
public class RunLock {

  /** The advisory lock's keys: "RCA1", and one for the nightly data as a whole. */
  private static final int NAMESPACE = 0x52434131;
  private static final int NIGHTLY_DATA = 0;

  private final DataSource dataSource;

  public RunLock(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The lock, held until closed. */
  public interface Held extends AutoCloseable {
    @Override
    void close();
  }

  /** Takes the lock for a run of this date at once, or fails naming the session that holds it. */
  public Held acquire(LocalDate date) {
    return acquire("run " + date, "the run for " + date);
  }

  /**
   * Takes the lock for another command that rewrites the nightly data ({@code command}, e.g.
   * "reindex") at once, or fails naming the session that holds it.
   */
  public Held acquire(String command) {
    return acquire(command, command);
  }

  private Held acquire(String command, String what) {
    try {
      Connection connection = dataSource.getConnection();
      try {
        try (PreparedStatement name = connection.prepareStatement("select set_config('application_name', ?, false)")) {
          name.setString(1, holder(command));
          name.execute();
        }
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_lock(?, ?)")) {
          lock.setInt(1, NAMESPACE);
          lock.setInt(2, NIGHTLY_DATA);
          try (ResultSet rs = lock.executeQuery()) {
            rs.next();
            if (!rs.getBoolean(1)) {
              String who = whoHolds(connection);
              connection.close();
              throw new RunLockedException(what + " cannot start: " + who + " is in progress (one run or"
                  + " reindex at a time); wait for it to finish, or stop that process (a killed one releases the lock"
                  + " by itself)");
            }
          }
        }
        return () -> release(connection);
      } catch (SQLException | RuntimeException e) {
        if (!connection.isClosed()) {
          connection.close();
        }
        throw e;
      }
    } catch (SQLException e) {
      throw new org.springframework.dao.DataAccessResourceFailureException("cannot lock " + what + ": "
          + e.getMessage(), e);
    }
  }

  private static void release(Connection connection) {
    try (connection; PreparedStatement unlock = connection.prepareStatement("select pg_advisory_unlock(?, ?)")) {
      unlock.setInt(1, NAMESPACE);
      unlock.setInt(2, NIGHTLY_DATA);
      unlock.execute();
    } catch (SQLException e) {
      // The session ends with the connection, and the lock with the session.
    }
  }

  /** "escalation-rca run 2026-11-20, pid 4242 on host-1" (PostgreSQL keeps 63 bytes of it). */
  private static String holder(String command) {
    String host;
    try {
      host = java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      host = "unknown host";
    }
    return "escalation-rca " + command + ", pid " + ProcessHandle.current().pid() + " on " + host;
  }

  private static String whoHolds(Connection connection) throws SQLException {
    try (PreparedStatement who = connection.prepareStatement("""
        select a.application_name, a.client_addr, a.backend_start from pg_locks l
        join pg_stat_activity a on a.pid = l.pid
        where l.locktype = 'advisory' and l.classid = ? and l.objid = ? and l.objsubid = 2 and l.granted
        """)) {
      who.setInt(1, NAMESPACE);
      who.setInt(2, NIGHTLY_DATA);
      try (ResultSet rs = who.executeQuery()) {
        if (!rs.next()) {
          return "held by a session this database role cannot see";
        }
        String name = rs.getString(1);
        return (name == null || name.isBlank() ? "a session" : name)
            + (rs.getString(2) == null ? "" : " from " + rs.getString(2))
            + ", connected since " + rs.getTimestamp(3).toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
      }
    }
  }

  /** The nightly data is held by another process. */
  public static final class RunLockedException extends IllegalStateException {
    public RunLockedException(String message) {
      super(message);
    }
  }
}
