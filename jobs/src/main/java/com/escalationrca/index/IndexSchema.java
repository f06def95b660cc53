package com.escalationrca.index;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;

/**
 * The index's fields. {@code narrative} holds every narrative with the standard analyzer (exact
 * words in any language); {@code narrative_en/pt/es} hold it again with that language's stemming
 * analyzer, so "publicações" finds "publicação". Dimensions are exact keywords.
 */
public final class IndexSchema {

  public static final String ID = "id";
  public static final String CREATED = "created";
  public static final String DAY = "day";
  public static final String NARRATIVE = "narrative";
  public static final String DETECTED_LANGUAGE = "detected_language";
  /** The cluster number (12 for C0012, 0 for none) as updatable doc values, set after clustering. */
  public static final String CLUSTER = "cluster";
  /** Fields counted by {@code --facet} under the shipped taxonomy: its dimensions and the detected language. */
  public static final List<String> FACETS = List.of("policy", "vendor", "market", "language", "channel",
      "priority", "action", "outcome", "detected_language");
  public static final List<String> LANGUAGES = List.of("en", "pt", "es");
  public static final List<String> DIMENSIONS =
      List.of("policy", "vendor", "market", "language", "channel", "priority", "action", "outcome");

  private IndexSchema() {
  }

  /**
   * The facets of a taxonomy: each of its dimensions (the eight of the shipped one, or a team's own,
   * such as a review site), then the detected language.
   */
  public static List<String> facets(com.escalationrca.ingest.Taxonomy taxonomy) {
    List<String> facets = new java.util.ArrayList<>(taxonomy.names());
    facets.add(DETECTED_LANGUAGE);
    return List.copyOf(facets);
  }

  /** Can a search filter or count this field: a dimension's name (any taxonomy's), or the detected language? */
  public static boolean isFacet(String field) {
    return DETECTED_LANGUAGE.equals(field) || com.escalationrca.ingest.Taxonomy.isDimensionName(field);
  }

  /** Facet configuration: every facet field is single-valued and flat. */
  public static org.apache.lucene.facet.FacetsConfig facets() {
    return new org.apache.lucene.facet.FacetsConfig();
  }

  public static String narrativeField(String language) {
    return NARRATIVE + "_" + language;
  }

  /** Default fields for free-text queries. */
  public static String[] textFields() {
    String[] fields = new String[LANGUAGES.size() + 1];
    fields[0] = NARRATIVE;
    for (int i = 0; i < LANGUAGES.size(); i++) {
      fields[i + 1] = narrativeField(LANGUAGES.get(i));
    }
    return fields;
  }

  /**
   * The narrative fields by their analyzers; every other field is an exact keyword, so a team's own
   * dimension ({@code site:"Manila"}) is matched as stored without the index knowing its name.
   */
  public static Analyzer analyzer() {
    Map<String, Analyzer> perField = new HashMap<>();
    perField.put(NARRATIVE, new StandardAnalyzer());
    perField.put(narrativeField("en"), new EnglishAnalyzer());
    perField.put(narrativeField("pt"), new PortugueseAnalyzer());
    perField.put(narrativeField("es"), new SpanishAnalyzer());
    return new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), perField);
  }
}
