package com.escalationrca.cli;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import picocli.CommandLine;

/**
 * A run date as a scheduler writes it: {@code YYYY-MM-DD}, or {@code today} or {@code yesterday}
 * (UTC), so a cron line, a systemd unit or a Kubernetes CronJob needs no shell to compute it.
 */
final class RunDate implements CommandLine.ITypeConverter<LocalDate> {

  @Override
  public LocalDate convert(String value) {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    return switch (value) {
      case "today" -> today;
      case "yesterday" -> today.minusDays(1);
      default -> {
        try {
          yield LocalDate.parse(value);
        } catch (DateTimeParseException e) {
          throw new CommandLine.TypeConversionException("'" + value + "' is not a date (YYYY-MM-DD, today or yesterday)");
        }
      }
    };
  }
}
