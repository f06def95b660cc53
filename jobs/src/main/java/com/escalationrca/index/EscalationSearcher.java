package com.escalationrca.index;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.escalationrca.cluster.ClusterIdentity;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.ExitableDirectoryReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.FSDirectory;

/**
 * Lucene query syntax over the index: free text searches every narrative field, and
 * {@code vendor:"Atlas Review"}, {@code policy:spam}, {@code id:ESC-00000042} and the other
 * keyword fields filter exactly. Dates, cluster and more-like-this are filters on top; facets count
 * the values of the whole result set; snippets highlight the matched words. A searcher opened with
 * {@link SearchLimits} stops a search at its time budget (while it rewrites a regex or wildcard
 * over the term dictionaries as well as while it scores) and refuses pages past the result window.
 */
public final class EscalationSearcher implements AutoCloseable {

  private static final int SNIPPET_SENTENCES = 2;
  private static final int FACET_VALUES = 20;

  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final Analyzer analyzer = IndexSchema.analyzer();
  private final SearchLimits limits;
  private final SearchDeadline deadline = new SearchDeadline();
  private SortedSetDocValuesReaderState facetState;

  private EscalationSearcher(DirectoryReader opened, SearchLimits limits) throws IOException {
    this.limits = limits;
    this.reader = limits.timeout() == null ? opened : ExitableDirectoryReader.wrap(opened, deadline);
    this.searcher = new IndexSearcher(reader);
    if (limits.timeout() != null) {
      searcher.setTimeout(deadline);
    }
  }

  /** Whether the index folder has a newer commit than this searcher reads (another process wrote it). */
  public boolean stale() {
    try {
      return !reader.isCurrent();
    } catch (IOException | org.apache.lucene.store.AlreadyClosedException e) {
      return true;
    }
  }

  /** Number of escalations in the index. */
  public int size() {
    return reader.numDocs();
  }

  /** A searcher without bounds: the command line's. */
  public static EscalationSearcher open(Path directory) {
    return open(directory, SearchLimits.NONE);
  }

  public static EscalationSearcher open(Path directory, SearchLimits limits) {
    try {
      if (!Files.isDirectory(directory) || !DirectoryReader.indexExists(FSDirectory.open(directory))) {
        throw new IllegalStateException("no index in " + directory.toAbsolutePath()
            + "; run the nightly job first (`run`)");
      }
      return new EscalationSearcher(DirectoryReader.open(FSDirectory.open(directory)), limits);
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
      throw new QuerySyntaxException(query, e);
    }
  }

  /** Shorthand for the first page of a plain query. */
  public List<SearchHit> search(String query, int limit) {
    return search(SearchRequest.of(query, limit)).hits();
  }

  /**
   * The external ids of every escalation the query matches, unranked and unbounded (a population
   * for `explain --query`, not a page of hits): read from the matching documents' stored ids.
   */
  /**
   * The escalations most like one (more-like-this over the narratives, as {@code similarTo} searches),
   * at most {@code limit}; none when it is not indexed or shares no distinctive words.
   */
  public java.util.Set<String> lookAlikes(String externalId, int limit) {
    java.util.Set<String> ids = new java.util.HashSet<>();
    search(new SearchRequest(null, null, null, null, externalId, java.util.List.of(), limit, 1)).hits()
        .forEach(h -> ids.add(h.id()));
    return ids;
  }

  public java.util.Set<String> externalIds(String query) {
    return bounded(query, () -> {
      org.apache.lucene.search.Weight weight = searcher.createWeight(
          searcher.rewrite(new org.apache.lucene.search.ConstantScoreQuery(parse(query))),
          org.apache.lucene.search.ScoreMode.COMPLETE_NO_SCORES, 1);
      java.util.Set<String> ids = new java.util.HashSet<>();
      java.util.Set<String> fields = java.util.Set.of(IndexSchema.ID);
      for (org.apache.lucene.index.LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
        org.apache.lucene.search.Scorer scorer = weight.scorer(leaf);
        if (scorer == null) {
          continue;
        }
        org.apache.lucene.index.StoredFields stored = leaf.reader().storedFields();
        org.apache.lucene.util.Bits live = leaf.reader().getLiveDocs();
        org.apache.lucene.search.DocIdSetIterator docs = scorer.iterator();
        for (int doc = docs.nextDoc(); doc != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
          if (live == null || live.get(doc)) {
            ids.add(stored.document(doc, fields).get(IndexSchema.ID));
          }
        }
      }
      return ids;
    });
  }

  public long count(String query) {
    return bounded(query, () -> searcher.count(parse(query)));
  }

  public SearchResult search(SearchRequest request) {
    limits.checkWindow(request);
    return bounded(request.query() == null ? "similar to " + request.similarTo() : request.query(),
        () -> unbounded(request));
  }

  /** Runs one search within the time budget: stopped while it reads terms, or partial when it scored past it. */
  private <T> T bounded(String query, IoSupplier<T> search) {
    if (limits.timeout() != null) {
      deadline.start(limits.timeout().toNanos());
    }
    try {
      T result = search.get();
      if (deadline.passed()) {
        throw new SearchTimeoutException(query, limits.timeout());
      }
      return result;
    } catch (ExitableDirectoryReader.ExitingReaderException e) {
      throw new SearchTimeoutException(query, limits.timeout());
    } catch (IOException e) {
      throw new UncheckedIOException("search failed: " + e.getMessage(), e);
    } finally {
      deadline.clear();
    }
  }

  private interface IoSupplier<T> {
    T get() throws IOException;
  }

  private SearchResult unbounded(SearchRequest request) throws IOException {
    Query text = request.query() == null || request.query().isBlank() ? null : parse(request.query());
    Query query = query(request, text);
    int offset = (request.page() - 1) * request.limit();
    FacetsCollectorManager.FacetsResult result = FacetsCollectorManager.search(searcher, query,
        offset + request.limit(), new FacetsCollectorManager());
    TopDocs top = result.topDocs();
    ScoreDoc[] page = Arrays.copyOfRange(top.scoreDocs, Math.min(offset, top.scoreDocs.length), top.scoreDocs.length);
    TopDocs pageDocs = new TopDocs(top.totalHits, page);
    String[] snippets = text == null ? new String[page.length]
        : UnifiedHighlighter.builder(searcher, analyzer).build()
            .highlight(IndexSchema.NARRATIVE, text, pageDocs, SNIPPET_SENTENCES);
    List<SearchHit> hits = new ArrayList<>();
    for (int i = 0; i < page.length; i++) {
      hits.add(hit(page[i], snippets[i]));
    }
    // The facets collector saw every hit: its count is exact without running the query again.
    long total = result.facetsCollector().getMatchingDocs().stream().mapToLong(m -> m.totalHits).sum();
    return new SearchResult(total, request.page(), hits, facets(request, result.facetsCollector()));
  }

  private Query query(SearchRequest request, Query text) throws IOException {
    BooleanQuery.Builder builder = new BooleanQuery.Builder();
    if (text != null) {
      builder.add(text, BooleanClause.Occur.MUST);
    }
    if (request.similarTo() != null) {
      builder.add(similar(request.similarTo()), BooleanClause.Occur.MUST);
      builder.add(new TermQuery(new Term(IndexSchema.ID, request.similarTo())), BooleanClause.Occur.MUST_NOT);
    }
    if (request.from() != null || request.to() != null) {
      long from = request.from() == null ? Long.MIN_VALUE : millis(request.from());
      long to = request.to() == null ? Long.MAX_VALUE : millis(request.to().plusDays(1)) - 1;
      builder.add(LongPoint.newRangeQuery(IndexSchema.CREATED, from, to), BooleanClause.Occur.FILTER);
    }
    if (request.cluster() != null) {
      // One cluster, or a group of related clusters as a finding names it ("C0003+C0007"; a '+' left
      // unencoded in a link arrives as a space).
      String[] ids = request.cluster().split("[+\\s]", -1);
      long[] numbers = new long[ids.length];
      for (int i = 0; i < ids.length; i++) {
        numbers[i] = ClusterIdentity.number(ids[i]);
        if (numbers[i] == 0) {
          throw new IllegalArgumentException("'" + request.cluster() + "' is not a cluster id (like C0012, or C0003+C0007)");
        }
      }
      builder.add(numbers.length == 1 ? NumericDocValuesField.newSlowExactQuery(IndexSchema.CLUSTER, numbers[0])
          : NumericDocValuesField.newSlowSetQuery(IndexSchema.CLUSTER, numbers), BooleanClause.Occur.FILTER);
    }
    BooleanQuery query = builder.build();
    return query.clauses().stream().allMatch(c -> c.getOccur() == BooleanClause.Occur.FILTER)
        ? new BooleanQuery.Builder().add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST).add(query, BooleanClause.Occur.FILTER).build()
        : query;
  }

  /**
   * More-like-this on the escalation's narrative, analysed with its language's analyzer so that
   * inflections count as the same word; the escalation itself is excluded.
   */
  private Query similar(String id) throws IOException {
    TopDocs found = searcher.search(new TermQuery(new Term(IndexSchema.ID, id)), 1);
    if (found.scoreDocs.length == 0) {
      throw new IllegalArgumentException("no escalation '" + id + "' in the index");
    }
    Document doc = searcher.storedFields().document(found.scoreDocs[0].doc);
    String language = doc.get(IndexSchema.DETECTED_LANGUAGE);
    String field = IndexSchema.LANGUAGES.contains(language) ? IndexSchema.narrativeField(language) : IndexSchema.NARRATIVE;
    MoreLikeThis mlt = new MoreLikeThis(reader);
    mlt.setAnalyzer(analyzer);
    mlt.setFieldNames(new String[] {field});
    mlt.setMinTermFreq(1);
    mlt.setMinDocFreq(2);
    mlt.setMaxQueryTerms(25);
    return mlt.like(field, new StringReader(doc.get(IndexSchema.NARRATIVE)));
  }

  private Map<String, Map<String, Long>> facets(SearchRequest request, FacetsCollector collector) throws IOException {
    Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
    if (request.facets().isEmpty()) {
      return counts;
    }
    if (facetState == null) {
      // Built once per opened index, outside any one search's budget: a large index takes a while
      // to map its facet ordinals, and no search should time out for paying that for the others.
      long[] suspended = deadline.suspend();
      try {
        facetState = new DefaultSortedSetDocValuesReaderState(reader, IndexSchema.facets());
      } finally {
        deadline.resume(suspended);
      }
    }
    Facets facets = new SortedSetDocValuesFacetCounts(facetState, collector);
    for (String field : request.facets()) {
      Map<String, Long> values = new LinkedHashMap<>();
      FacetResult result = indexedDimensions().contains(field) ? facets.getTopChildren(FACET_VALUES, field) : null;
      if (result != null) {
        for (LabelAndValue lv : result.labelValues) {
          values.put(lv.label, lv.value.longValue());
        }
      }
      counts.put(field, values);
    }
    return counts;
  }

  private java.util.Set<String> indexedDimensions() {
    java.util.Set<String> dims = new java.util.HashSet<>();
    facetState.getDims().forEach(dims::add);
    return dims;
  }

  private SearchHit hit(ScoreDoc scoreDoc, String snippet) throws IOException {
    Document doc = searcher.storedFields().document(scoreDoc.doc);
    String text = snippet != null ? snippet : abbreviate(doc.get(IndexSchema.NARRATIVE));
    return new SearchHit(doc.get(IndexSchema.ID),
        Instant.ofEpochMilli(doc.getField(IndexSchema.CREATED).numericValue().longValue()),
        doc.get("policy"), doc.get("vendor"), cluster(scoreDoc.doc), Float.isNaN(scoreDoc.score) ? 0 : scoreDoc.score,
        text.replaceAll("\\s+", " "));
  }

  private String cluster(int docId) throws IOException {
    var leaf = reader.leaves().get(ReaderUtil.subIndex(docId, reader.leaves()));
    NumericDocValues values = leaf.reader().getNumericDocValues(IndexSchema.CLUSTER);
    if (values == null || !values.advanceExact(docId - leaf.docBase) || values.longValue() == 0) {
      return "";
    }
    return ClusterIdentity.format((int) values.longValue());
  }

  private static long millis(LocalDate day) {
    return day.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
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
