package com.escalationrca.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.FSDirectory;

/**
 * Lucene query syntax over the index: free text searches every narrative field, and
 * {@code vendor:"Atlas Review"}, {@code policy:spam}, {@code id:ESC-00000042} and the other
 * keyword fields filter exactly. Snippets highlight the matched words.
 */
public final class EscalationSearcher implements AutoCloseable {

  private static final int SNIPPET_SENTENCES = 2;

  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final Analyzer analyzer = IndexSchema.analyzer();

  private EscalationSearcher(DirectoryReader reader) {
    this.reader = reader;
    this.searcher = new IndexSearcher(reader);
  }

  public static EscalationSearcher open(Path directory) {
    try {
      if (!Files.isDirectory(directory) || !DirectoryReader.indexExists(FSDirectory.open(directory))) {
        throw new IllegalStateException("no index in " + directory.toAbsolutePath()
            + "; run the nightly job first (`run`)");
      }
      return new EscalationSearcher(DirectoryReader.open(FSDirectory.open(directory)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the index in " + directory + ": " + e.getMessage(), e);
    }
  }

  public Query parse(String query) {
    MultiFieldQueryParser parser = new MultiFieldQueryParser(IndexSchema.textFields(), analyzer);
    parser.setDefaultOperator(MultiFieldQueryParser.AND_OPERATOR);
    try {
      return parser.parse(query);
    } catch (ParseException e) {
      throw new IllegalArgumentException("cannot parse query '" + query + "': " + e.getMessage(), e);
    }
  }

  public List<SearchHit> search(String queryText, int limit) {
    Query query = parse(queryText);
    try {
      TopDocs top = searcher.search(query, Math.max(1, limit));
      String[] snippets = UnifiedHighlighter.builder(searcher, analyzer).build()
          .highlight(IndexSchema.NARRATIVE, query, top, SNIPPET_SENTENCES);
      List<SearchHit> hits = new ArrayList<>();
      for (int i = 0; i < top.scoreDocs.length; i++) {
        ScoreDoc scoreDoc = top.scoreDocs[i];
        Document doc = searcher.storedFields().document(scoreDoc.doc);
        String snippet = snippets[i] != null ? snippets[i] : abbreviate(doc.get(IndexSchema.NARRATIVE));
        hits.add(new SearchHit(doc.get(IndexSchema.ID),
            Instant.ofEpochMilli(doc.getField(IndexSchema.CREATED).numericValue().longValue()),
            doc.get("policy"), doc.get("vendor"), scoreDoc.score, snippet.replaceAll("\\s+", " ")));
      }
      return hits;
    } catch (IOException e) {
      throw new UncheckedIOException("search failed: " + e.getMessage(), e);
    }
  }

  public long count(String queryText) {
    try {
      return searcher.count(parse(queryText));
    } catch (IOException e) {
      throw new UncheckedIOException("search failed: " + e.getMessage(), e);
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 200 ? text : text.substring(0, 197) + "...";
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
