package com.escalationrca.ingest;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The dimensions the job correlates with, in report order, and the aliases imports fold to one
 * canonical value (so "pt-BR", "por" and "Portuguese" count as one language).
 */
public record Taxonomy(List<Dimension> dimensions) {

  public Taxonomy {
    dimensions = List.copyOf(dimensions);
    for (Dimension d : dimensions) {
      if (Field.byKey(d.name()).filter(Field.DIMENSIONS::contains).isEmpty()) {
        throw new IllegalArgumentException("taxonomy dimension '" + d.name() + "' is not one of "
            + Field.DIMENSIONS.stream().map(Field::key).toList());
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
                          Boolean profile, Boolean population) {

    public Dimension {
      phrase = phrase == null ? "with " + name : phrase;
      aliases = aliases == null ? Map.of() : Map.copyOf(aliases);
      profile = Boolean.TRUE.equals(profile);
      population = Boolean.TRUE.equals(population);
    }

    public Dimension(String name, String phrase, Map<String, List<String>> aliases, Boolean profile) {
      this(name, phrase, aliases, profile, false);
    }

    public boolean isProfile() {
      return profile;
    }

    public boolean isPopulation() {
      return population;
    }

    Map<String, String> aliasToCanonical() {
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

  public Dimension dimension(String name) {
    return dimensions.stream().filter(d -> d.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no dimension '" + name + "' in taxonomy"));
  }

  /** Folds a value to its canonical form for a dimension; values without an alias are kept. */
  public String canonical(Field field, String value) {
    if (value == null) {
      return null;
    }
    return dimensions.stream().filter(d -> d.name().equals(field.key())).findFirst()
        .map(d -> d.aliasToCanonical().getOrDefault(value.toLowerCase(Locale.ROOT), value))
        .orElse(value);
  }
}
