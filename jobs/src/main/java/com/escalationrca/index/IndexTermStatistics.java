package com.escalationrca.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import com.escalationrca.cluster.TermStatistics;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.FSDirectory;

/**
 * Term statistics of the search index, for clustering: a term's document frequency in its
 * language's narrative field ({@code narrative_en}, …, or {@code narrative} for other languages),
 * over every escalation indexed so far. The term is run through that field's analyzer first, so
 * the lemma "posted" and the index's stem "post" meet. A term the analyzer drops (a stop word) or
 * splits has no statistics here.
 */
public final class IndexTermStatistics implements TermStatistics {

  private final DirectoryReader reader;
  private final Analyzer analyzer = IndexSchema.analyzer();
  private final Map<String, OptionalDouble> cache = new HashMap<>();

  private IndexTermStatistics(DirectoryReader reader) {
    this.reader = reader;
  }

  /** The index's statistics, or none when there is no index yet. */
  public static TermStatistics open(Path directory) {
    try {
      if (!Files.isDirectory(directory) || !DirectoryReader.indexExists(FSDirectory.open(directory))) {
        return TermStatistics.WINDOW_ONLY;
      }
      return new IndexTermStatistics(DirectoryReader.open(FSDirectory.open(directory)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the index in " + directory + ": " + e.getMessage(), e);
    }
  }

  @Override
  public OptionalDouble idf(String surface, String language) {
    String field = IndexSchema.LANGUAGES.contains(language) ? IndexSchema.narrativeField(language) : IndexSchema.NARRATIVE;
    return cache.computeIfAbsent(field + "\u0001" + surface, k -> lookUp(field, surface));
  }

  private OptionalDouble lookUp(String field, String surface) {
    try {
      List<String> tokens = tokens(field, surface);
      int documents = reader.getDocCount(field);
      if (tokens.size() != 1 || documents == 0) {
        return OptionalDouble.empty();
      }
      int frequency = reader.docFreq(new Term(field, tokens.get(0)));
      return OptionalDouble.of(Math.log((1.0 + documents) / (1.0 + frequency)) + 1.0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read index statistics: " + e.getMessage(), e);
    }
  }

  private List<String> tokens(String field, String text) throws IOException {
    List<String> tokens = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        tokens.add(term.toString());
      }
      stream.end();
    }
    return tokens;
  }

  @Override
  public void close() {
    try {
      reader.close();
      analyzer.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
