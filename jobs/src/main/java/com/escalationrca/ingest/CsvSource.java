package com.escalationrca.ingest;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV with a header row (RFC 4180: quoted fields may hold commas, quotes and line breaks). A row
 * whose field count differs from the header's is malformed; a quoting error that leaves the parser
 * unable to find the next row ends the file, and everything unread is reported as one malformed
 * record so nothing is silently dropped.
 */
final class CsvSource implements EscalationSource {

  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
      .setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
      .setAllowMissingColumnNames(true).setLenientEof(true).get();

  private final Reader reader;
  private final CSVParser parser;
  private final Iterator<CSVRecord> records;
  private final List<String> header;
  private long nextLine;
  private boolean broken;

  CsvSource(Reader reader) throws IOException {
    this.reader = reader;
    this.parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
    this.records = parser.iterator();
    this.header = parser.getHeaderNames();
    this.nextLine = parser.getCurrentLineNumber() + 1;
  }

  @Override
  public boolean hasNext() {
    if (broken) {
      return false;
    }
    try {
      return records.hasNext();
    } catch (UncheckedIOException e) {
      return true; // next() reports the unreadable rest as a malformed record
    }
  }

  @Override
  public SourceRecord next() {
    long line = nextLine;
    CSVRecord record;
    try {
      record = records.next();
    } catch (UncheckedIOException e) {
      broken = true;
      return SourceRecord.malformed(parser.getRecordNumber() + 1, line, remainder(),
          "malformed CSV from line " + line + ": " + rootMessage(e) + "; the rest of the file was not read");
    } catch (NoSuchElementException e) {
      throw e;
    }
    nextLine = parser.getCurrentLineNumber() + 1;
    String raw = FORMAT.format(record.values());
    if (record.size() != header.size()) {
      return SourceRecord.malformed(record.getRecordNumber(), line, raw, "malformed CSV: the row has "
          + record.size() + " fields but the header has " + header.size());
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < header.size(); i++) {
      values.put(header.get(i), record.get(i));
    }
    return new SourceRecord(record.getRecordNumber(), line, values, raw, null);
  }

  private String remainder() {
    try {
      char[] buffer = new char[64 * 1024];
      int read = reader.read(buffer);
      return read <= 0 ? "" : new String(buffer, 0, read);
    } catch (IOException e) {
      return "";
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage();
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }
}
