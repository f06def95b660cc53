package com.escalationrca.report;

/**
 * A value made safe for a CSV that a person opens in a spreadsheet: text starting with = + - @ or
 * a tab/carriage return would be run as a formula (CSV injection), so it gets a leading apostrophe,
 * which spreadsheets show as text and hide.
 */
public final class SpreadsheetCell {

  private SpreadsheetCell() {
  }

  public static String of(String value) {
    if (value == null || value.isEmpty()) {
      return value;
    }
    char first = value.charAt(0);
    return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
        ? "'" + value : value;
  }
}
