package com.escalationrca.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.FSDirectory;

/**
 * Writes escalations into the Lucene index in the data folder. Documents are replaced by external
 * id, so re-running a night or re-importing a changed escalation never duplicates it.
 */
public final class EscalationIndex implements AutoCloseable {

  private static final FacetsConfig FACETS = IndexSchema.facets();

  private final IndexWriter writer;

  private EscalationIndex(IndexWriter writer) {
    this.writer = writer;
  }

  public static EscalationIndex open(Path directory) {
    try {
      IndexWriterConfig config = new IndexWriterConfig(IndexSchema.analyzer())
          .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
          .setRAMBufferSizeMB(64);
      return new EscalationIndex(new IndexWriter(FSDirectory.open(directory), config));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the index in " + directory + ": " + e.getMessage(), e);
    }
  }

  /** Adds or replaces the documents and commits, so a chunk is durable once this returns. */
  public void upsert(List<IndexedEscalation> escalations) {
    try {
      for (IndexedEscalation e : escalations) {
        writer.updateDocument(new Term(IndexSchema.ID, e.externalId()), document(e));
      }
      writer.commit();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to the index: " + e.getMessage(), e);
    }
  }

  /**
   * Sets each escalation's cluster (by external id) in place, without re-indexing its text:
   * doc-values updates are cheap, so the nightly clustering can tag every window document.
   *
   * @return false, tagging nothing, when the index has no cluster field yet (it is empty, or was
   *     built by a version without cluster tags): Lucene can only update existing doc-value fields
   */
  public boolean tagClusters(Map<String, Integer> clusterNumberById) {
    if (!writer.getFieldNames().contains(IndexSchema.CLUSTER)) {
      return false;
    }
    try {
      for (Map.Entry<String, Integer> e : clusterNumberById.entrySet()) {
        writer.updateNumericDocValue(new Term(IndexSchema.ID, e.getKey()), IndexSchema.CLUSTER, e.getValue());
      }
      writer.commit();
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot tag clusters in the index: " + e.getMessage(), e);
    }
  }

  /** Removes escalations created before {@code day} (UTC) and commits; returns how many went. */
  public long deleteCreatedBefore(java.time.LocalDate day) {
    long before = day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    try {
      long count = documentCount();
      writer.deleteDocuments(LongPoint.newRangeQuery(IndexSchema.CREATED, Long.MIN_VALUE, before - 1));
      writer.commit();
      return count - documentCount();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot remove old escalations from the index: " + e.getMessage(), e);
    }
  }

  public long documentCount() {
    return writer.getDocStats().numDocs;
  }

  static Document document(IndexedEscalation e) throws IOException {
    Document doc = new Document();
    doc.add(new StringField(IndexSchema.ID, e.externalId(), Field.Store.YES));
    long millis = e.created().toEpochMilli();
    doc.add(new LongPoint(IndexSchema.CREATED, millis));
    doc.add(new NumericDocValuesField(IndexSchema.CREATED, millis));
    doc.add(new StoredField(IndexSchema.CREATED, millis));
    doc.add(new StringField(IndexSchema.DAY, e.created().atZone(ZoneOffset.UTC).toLocalDate().toString(), Field.Store.NO));
    doc.add(new TextField(IndexSchema.NARRATIVE, e.narrative(), Field.Store.YES));
    if (IndexSchema.LANGUAGES.contains(e.detectedLanguage())) {
      doc.add(new TextField(IndexSchema.narrativeField(e.detectedLanguage()), e.narrative(), Field.Store.NO));
    }
    doc.add(new StringField(IndexSchema.DETECTED_LANGUAGE, e.detectedLanguage(), Field.Store.YES));
    doc.add(new SortedSetDocValuesFacetField(IndexSchema.DETECTED_LANGUAGE, e.detectedLanguage()));
    doc.add(new NumericDocValuesField(IndexSchema.CLUSTER, 0));
    e.dimensions().forEach((name, value) -> {
      if (value != null && !value.isEmpty()) {
        doc.add(new StringField(name, value, Field.Store.YES));
        doc.add(new SortedSetDocValuesFacetField(name, value));
      }
    });
    return FACETS.build(doc);
  }

  @Override
  public void close() {
    try {
      writer.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the index: " + e.getMessage(), e);
    }
  }
}
