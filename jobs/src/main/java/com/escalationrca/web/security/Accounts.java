package com.escalationrca.web.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.escalationrca.web.WebProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Repository;

/**
 * Local accounts in PostgreSQL, bcrypt-hashed. Failed sign-ins are counted per account; after
 * {@code rca.web.max-failed-sign-ins} in a row the account is locked for {@code rca.web.lockout},
 * which throttles password guessing whatever address it comes from.
 */
@Repository
public class Accounts implements UserDetailsService {

  private static final int MIN_PASSWORD_LENGTH = 12;

  private final JdbcTemplate jdbc;
  private final WebProperties properties;
  private final PasswordEncoder encoder = new BCryptPasswordEncoder();
  private final Clock clock = Clock.systemUTC();

  public Accounts(JdbcTemplate jdbc, WebProperties properties) {
    this.jdbc = jdbc;
    this.properties = properties;
  }

  public PasswordEncoder encoder() {
    return encoder;
  }

  public void add(String name, Role role, String password) {
    validateName(name);
    if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
      throw new IllegalArgumentException("the password of '" + name + "' must have at least "
          + MIN_PASSWORD_LENGTH + " characters");
    }
    if (find(name).isPresent()) {
      throw new IllegalArgumentException("user '" + name + "' already exists; `users set-role` changes a role");
    }
    jdbc.update("insert into app_user (name, password_hash, role) values (?, ?, ?)", name, encoder.encode(password),
        role.key());
  }

  private static final String ACCOUNT = "select name, role, failed_attempts, locked_until, created_at from app_user";

  public List<Account> list() {
    return jdbc.query(ACCOUNT + " order by name", Accounts::account);
  }

  public Optional<Account> find(String name) {
    return jdbc.query(ACCOUNT + " where name = ?", Accounts::account, name).stream().findFirst();
  }

  private static Account account(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Account(rs.getString(1), Role.parse(rs.getString(2)), rs.getInt(3), instant(rs.getTimestamp(4)),
        instant(rs.getTimestamp(5)));
  }

  public void remove(String name) {
    require(jdbc.update("delete from app_user where name = ?", name), name);
  }

  public void setRole(String name, Role role) {
    require(jdbc.update("update app_user set role = ? where name = ?", role.key(), name), name);
  }

  public void unlock(String name) {
    require(jdbc.update("update app_user set failed_attempts = 0, locked_until = null where name = ?", name), name);
  }

  /** A wrong password: counts, and locks the account once too many came in a row. */
  public void signInFailed(String name) {
    Instant lockUntil = clock.instant().plus(properties.lockout());
    jdbc.update("""
        update app_user set failed_attempts = failed_attempts + 1,
          locked_until = case when failed_attempts + 1 >= ? then ? else locked_until end
        where name = ?
        """, properties.maxFailedSignIns(), Timestamp.from(lockUntil), name);
  }

  public void signInSucceeded(String name) {
    jdbc.update("update app_user set failed_attempts = 0, locked_until = null where name = ? and failed_attempts > 0",
        name);
  }

  @Override
  public UserDetails loadUserByUsername(String name) {
    List<UserDetails> found = jdbc.query("select name, password_hash, role, locked_until from app_user where name = ?",
        (rs, i) -> User.withUsername(rs.getString(1)).password(rs.getString(2))
            .roles(Role.parse(rs.getString(3)).name())
            .accountLocked(lockedAt(instant(rs.getTimestamp(4))))
            .build(), name);
    if (found.isEmpty()) {
      throw new UsernameNotFoundException("no user " + name);
    }
    return found.get(0);
  }

  private boolean lockedAt(Instant lockedUntil) {
    return lockedUntil != null && lockedUntil.isAfter(clock.instant());
  }

  private static void validateName(String name) {
    if (name == null || !name.matches("[A-Za-z0-9._@-]{1,64}")) {
      throw new IllegalArgumentException("'" + name + "' is not a user name: 1 to 64 letters, digits, '.', '_', '@' or '-'");
    }
  }

  private static void require(int updated, String name) {
    if (updated == 0) {
      throw new IllegalArgumentException("no user '" + name + "'");
    }
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
