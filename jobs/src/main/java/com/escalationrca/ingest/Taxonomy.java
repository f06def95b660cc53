package com.escalationrca.ingest;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The dimensions the job correlates with, in report order, and the aliases imports fold to one
 * canonical value (so "pt-BR", "por" and "Portuguese" count as one language). Any name is a
 * dimension: the eight of the shipped taxonomy (policy, vendor, market, …) have columns of their
 * own; any other (a review site, a queue, a content type) is kept in the escalation's
 * {@code dimensions} JSON and is analysed, searched and reported the same way.
 */
public record Taxonomy(List<Dimension> dimensions) {

  /** Letters, digits and underscores, starting with a letter: a search field, a JSON key and a report column. */
  private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[a-z][a-z0-9_]{0,62}");
  /**
   * Names the job gives meanings of its own (fields, search fields, report columns): a dimension
   * called so would be read as something else.
   */
  static final java.util.Set<String> RESERVED = java.util.Set.of("id", "created", "updated", "narrative", "cluster",
      "words", "detected_language", "extra", "dimensions", "text", "score", "similar", "all", "day", "date", "run",
      "rank", "kind", "value", "dimension");

  /** A name a dimension may have: valid and not reserved. Search filters and facets accept any such name. */
  public static boolean isDimensionName(String name) {
    return name != null && NAME.matcher(name).matches() && !RESERVED.contains(name);
  }

  /** Reads a taxonomy file; a key it does not know (a misspelt {@code aliases}) fails, naming the key. */
  public static Taxonomy read(java.nio.file.Path file) {
    return YAML.readValue(file.toFile(), Taxonomy.class);
  }

  /** As {@link #read(java.nio.file.Path)}, from the file's text. */
  public static Taxonomy parse(String yaml) {
    return YAML.readValue(yaml, Taxonomy.class);
  }

  private static final tools.jackson.databind.ObjectMapper YAML = tools.jackson.dataformat.yaml.YAMLMapper.builder()
      .enable(tools.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  public Taxonomy {
    dimensions = List.copyOf(dimensions);
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (Dimension d : dimensions) {
      if (d.name() == null || !NAME.matcher(d.name()).matches()) {
        throw new IllegalArgumentException("taxonomy dimension name '" + d.name() + "' is not valid: lower-case"
            + " letters, digits and underscores, starting with a letter, at most 63 characters");
      }
      if (RESERVED.contains(d.name())) {
        throw new IllegalArgumentException("taxonomy dimension name '" + d.name() + "' is reserved (the job uses it"
            + " for " + (Field.byKey(d.name()).isPresent() ? "an escalation field" : "a search or report field") + ")");
      }
      if (!seen.add(d.name())) {
        throw new IllegalArgumentException("taxonomy dimension '" + d.name() + "' is declared twice");
      }
      if (d.source() != null && d.isColumn()) {
        throw new IllegalArgumentException("taxonomy dimension '" + d.name() + "': source is for dimensions kept"
            + " in the dimensions JSON; '" + d.name() + "' has a column of its own");
      }
    }
  }

  /**
   * One dimension: its column name, the phrase a summary uses, value aliases, whether it is a
   * profile dimension (one the narrative itself determines, like policy or language: reported as
   * what a cluster is, not ranked as a finding), and whether each of its values is a population
   * tested like a cluster (every escalation filed under policy spam, whatever its narrative says).
   */
  public record Dimension(String name, String phrase, Map<String, List<String>> aliases,
                          Boolean profile, Boolean population, String source) {

    public Dimension {
      phrase = phrase == null ? "with " + name : phrase;
      aliases = aliases == null ? Map.of() : Map.copyOf(aliases);
      profile = Boolean.TRUE.equals(profile);
      population = Boolean.TRUE.equals(population);
    }

    public Dimension(String name, String phrase, Map<String, List<String>> aliases, Boolean profile) {
      this(name, phrase, aliases, profile, false, null);
    }

    public Dimension(String name, String phrase, Map<String, List<String>> aliases, Boolean profile,
                     Boolean population) {
      this(name, phrase, aliases, profile, population, null);
    }

    /** One of the eight with a column of its own (policy, vendor, …), not a key of the dimensions JSON. */
    public boolean isColumn() {
      return Field.byKey(name).filter(Field.DIMENSIONS::contains).isPresent();
    }

    public boolean isProfile() {
      return profile;
    }

    public boolean isPopulation() {
      return population;
    }

    public Map<String, String> aliasToCanonical() {
      Map<String, String> lookup = new HashMap<>();
      aliases.forEach((canonical, names) -> {
        lookup.put(canonical.toLowerCase(Locale.ROOT), canonical);
        names.forEach(alias -> lookup.put(alias.toLowerCase(Locale.ROOT), canonical));
      });
      return lookup;
    }
  }

  public List<String> names() {
    return dimensions.stream().map(Dimension::name).toList();
  }

  public boolean has(String name) {
    return dimensions.stream().anyMatch(d -> d.name().equals(name));
  }

  /** The dimensions kept in the escalation's dimensions JSON (those without a column), in order. */
  public List<Dimension> custom() {
    return dimensions.stream().filter(d -> !d.isColumn()).toList();
  }

  public Dimension dimension(String name) {
    return dimensions.stream().filter(d -> d.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no dimension '" + name + "' in taxonomy"));
  }

  /** Folds a value to its canonical form for a dimension; values without an alias are kept. */
  public String canonical(Field field, String value) {
    return canonical(field.key(), value);
  }

  /** As {@link #canonical(Field, String)}, for any dimension by name. */
  public String canonical(String dimension, String value) {
    if (value == null) {
      return null;
    }
    return dimensions.stream().filter(d -> d.name().equals(dimension)).findFirst()
        .map(d -> d.aliasToCanonical().getOrDefault(value.toLowerCase(Locale.ROOT), value))
        .orElse(value);
  }
}
