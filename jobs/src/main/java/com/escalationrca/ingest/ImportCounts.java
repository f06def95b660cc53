package com.escalationrca.ingest;

/**
 * What one import did with every record it read. Always {@code read = inserted + updated +
 * unchanged + skipped + rejected}: the constructor refuses counts that do not add up.
 */
public record ImportCounts(long read, long inserted, long updated, long unchanged, long skipped,
                           long rejected) {

  public ImportCounts {
    if (read != inserted + updated + unchanged + skipped + rejected) {
      throw new IllegalStateException("import counts do not add up: read " + read + " != "
          + inserted + " inserted + " + updated + " updated + " + unchanged + " unchanged + "
          + skipped + " skipped + " + rejected + " rejected");
    }
  }

  @Override
  public String toString() {
    return "read " + read + ", inserted " + inserted + ", updated " + updated + ", unchanged "
        + unchanged + ", skipped " + skipped + ", rejected " + rejected;
  }
}
