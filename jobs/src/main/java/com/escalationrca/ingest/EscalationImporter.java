package com.escalationrca.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.springframework.stereotype.Service;

/**
 * Streams a CSV or JSONL export into the escalation table in batches: valid rows are upserted by
 * external id, rejected rows are kept with their reason, skipped rows are counted.
 */
@Service
public class EscalationImporter {

  private final MappingCatalog mappings;
  private final Taxonomy taxonomy;
  private final IngestProperties properties;
  private final EscalationStore store;
  private final ImportLedger ledger;

  public EscalationImporter(MappingCatalog mappings, Taxonomy taxonomy, IngestProperties properties,
                            EscalationStore store, ImportLedger ledger) {
    this.mappings = mappings;
    this.taxonomy = taxonomy;
    this.properties = properties;
    this.store = store;
    this.ledger = ledger;
  }

  /** The outcome of one import: its id in {@code import_run} and its counts. */
  public record ImportResult(long importId, ImportCounts counts) {
  }

  public ImportResult importFile(Path file, String mappingName, Consumer<ImportCounts> progress) {
    try (EscalationSource records = EscalationSource.open(file)) {
      return importRecords(records, file.toAbsolutePath().toString(), file.getFileName().toString(), mappingName, progress);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Imports any source of records (a file, JIRA, a database) through the same validation,
   * quarantine and upsert: {@code origin} is recorded in import_run, {@code source} names the
   * source in rejected rows. The caller closes the source.
   */
  public ImportResult importRecords(EscalationSource records, String origin, String source, String mappingName,
                                    Consumer<ImportCounts> progress) {
    ImportMapping mapping = mappings.load(mappingName);
    RecordValidator validator = new RecordValidator(mapping, taxonomy, properties);
    long importId = ledger.begin(origin, mappingName);
    Tally tally = new Tally();
    List<Escalation> batch = new ArrayList<>(properties.batchSize());
    Set<String> batchIds = new HashSet<>();
    List<MappedRecord.Rejected> rejected = new ArrayList<>();
    try {
      readAll(records, validator, importId, source, tally, batch, batchIds, rejected, progress);
    } catch (RuntimeException e) {
      // A source that fails half-way (JIRA down after its retries): what was read is kept and
      // counted, the import is closed, and the caller's watermark does not move.
      flush(batch, batchIds, tally);
      ledger.reject(importId, source, rejected);
      ledger.finish(importId, tally.counts(0));
      throw e;
    }
    flush(batch, batchIds, tally);
    ledger.reject(importId, source, rejected);
    ImportCounts counts = tally.counts(0);
    ledger.finish(importId, counts);
    store.analyzeAfter(counts.inserted() + counts.updated());
    return new ImportResult(importId, counts);
  }

  private void readAll(EscalationSource records, RecordValidator validator, long importId, String source, Tally tally,
                       List<Escalation> batch, Set<String> batchIds, List<MappedRecord.Rejected> rejected,
                       Consumer<ImportCounts> progress) {
    while (records.hasNext()) {
      MappedRecord mapped = validator.validate(records.next());
      tally.read++;
      if (mapped instanceof MappedRecord.Accepted a) {
        // One statement cannot upsert the same id twice: flush so the later row wins.
        if (!batchIds.add(a.escalation().externalId())) {
          flush(batch, batchIds, tally);
          batchIds.add(a.escalation().externalId());
        }
        batch.add(a.escalation());
      } else if (mapped instanceof MappedRecord.Skipped) {
        tally.skipped++;
      } else if (mapped instanceof MappedRecord.Rejected r) {
        rejected.add(r);
        tally.rejected++;
      }
      if (batch.size() >= properties.batchSize()) {
        flush(batch, batchIds, tally);
        progress.accept(tally.counts(batch.size()));
      }
      if (rejected.size() >= properties.batchSize()) {
        ledger.reject(importId, source, rejected);
        rejected.clear();
      }
    }
  }

  private void flush(List<Escalation> batch, Set<String> ids, Tally tally) {
    EscalationStore.UpsertResult result = store.upsert(batch);
    tally.inserted += result.inserted();
    tally.updated += result.updated();
    tally.unchanged += result.unchanged();
    batch.clear();
    ids.clear();
  }

  private static final class Tally {
    long read;
    long inserted;
    long updated;
    long unchanged;
    long skipped;
    long rejected;

    /** Counts so far; rows still waiting in the batch are read but not yet written. */
    ImportCounts counts(int pending) {
      return new ImportCounts(read - pending, inserted, updated, unchanged, skipped, rejected);
    }
  }
}
