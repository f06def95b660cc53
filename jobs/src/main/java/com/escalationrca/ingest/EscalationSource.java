package com.escalationrca.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;

/**
 * A stream of source records from a CSV or JSONL export, read one record at a time so a file of
 * any size imports in bounded memory.
 */
public interface EscalationSource extends Iterator<SourceRecord>, AutoCloseable {

  /**
   * Malformed UTF-8 is decoded to U+FFFD rather than failing the whole file, so the one record
   * holding it can be rejected with its reason while the rest import.
   */
  char INVALID_UTF8 = '\uFFFD';

  @Override
  void close() throws IOException;

  /** Opens a file by its extension: {@code .csv} (RFC 4180 with a header) or {@code .jsonl}/{@code .ndjson}. */
  static EscalationSource open(Path file) throws IOException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(file + " is not a readable file");
    }
    BufferedReader reader = lenientUtf8(Files.newInputStream(file));
    if (name.endsWith(".csv")) {
      return new CsvSource(reader);
    }
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
      return new JsonlSource(reader);
    }
    reader.close();
    throw new IllegalArgumentException(file + ": unknown format; use a .csv or .jsonl file");
  }

  static BufferedReader lenientUtf8(InputStream in) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE);
    return new BufferedReader(new InputStreamReader(in, decoder), 1 << 16);
  }
}
