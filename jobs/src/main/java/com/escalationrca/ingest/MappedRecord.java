package com.escalationrca.ingest;

/** What validation made of one source record. */
public sealed interface MappedRecord {

  SourceRecord source();

  /** A valid escalation, ready to upsert. */
  record Accepted(SourceRecord source, Escalation escalation) implements MappedRecord {
  }

  /** Deliberately not imported (e.g. a CFPB complaint without a narrative); counted, not stored. */
  record Skipped(SourceRecord source, String reason) implements MappedRecord {
  }

  /** Invalid: kept in the rejected table with its raw text and this reason. */
  record Rejected(SourceRecord source, String reason) implements MappedRecord {
  }
}
