package com.escalationrca.ingest;

import java.util.Map;

/**
 * One record as read from a source file, before validation: its position (record number and first
 * line), its values by column, its raw text, and the reason it is malformed if it is.
 */
public record SourceRecord(long recordNumber, long lineNumber, Map<String, String> values,
                           String raw, String malformed) {

  static SourceRecord malformed(long recordNumber, long lineNumber, String raw, String reason) {
    return new SourceRecord(recordNumber, lineNumber, Map.of(), raw, reason);
  }

  public boolean isMalformed() {
    return malformed != null;
  }

  /** "record 12 (line 14)": how messages name a record. */
  public String position() {
    return "record " + recordNumber + " (line " + lineNumber + ")";
  }
}
