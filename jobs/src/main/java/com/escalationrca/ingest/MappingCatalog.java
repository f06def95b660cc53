package com.escalationrca.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Reads import mappings by name from the mappings folder ({@code native}, {@code cfpb}, …). */
@Component
public class MappingCatalog {

  private final Path dir;
  private final Taxonomy taxonomy;
  private final ObjectMapper yaml = YAMLMapper.builder()
      .enable(tools.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  /** A catalogue whose mappings may name only fields and the eight column dimensions. */
  public MappingCatalog(IngestProperties properties) {
    this(properties, null);
  }

  /** A catalogue whose mappings may also name the taxonomy's other dimensions. */
  @org.springframework.beans.factory.annotation.Autowired
  public MappingCatalog(IngestProperties properties, Taxonomy taxonomy) {
    this.dir = properties.mappingsDir();
    this.taxonomy = taxonomy;
    if (taxonomy != null) {
      // A mapping that names a dimension the taxonomy lacks fails every command at start, not a night's import.
      available().forEach(this::load);
    }
  }

  public ImportMapping load(String name) {
    Path file = dir.resolve(name + ".yml");
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no mapping '" + name + "' in " + dir.toAbsolutePath()
          + " (available: " + String.join(", ", available()) + ")");
    }
    try {
      MappingFile parsed = yaml.readValue(file.toFile(), MappingFile.class);
      if (parsed.fields() == null) {
        throw new IllegalArgumentException("mapping " + file + " has no 'fields' section");
      }
      Map<Field, String> columns = new EnumMap<>(Field.class);
      Map<String, String> dimensions = new java.util.LinkedHashMap<>();
      parsed.fields().forEach((key, column) -> {
        var field = Field.byKey(key);
        if (field.isPresent() && taxonomy != null && Field.DIMENSIONS.contains(field.get()) && !taxonomy.has(key)) {
          throw new IllegalArgumentException(file + ": maps dimension '" + key + "', which the taxonomy does not"
              + " declare (" + String.join(", ", taxonomy.names()) + "): declare it, or remove it from the mapping");
        }
        if (field.isPresent()) {
          columns.put(field.get(), column);
        } else if (taxonomy != null && taxonomy.has(key)) {
          dimensions.put(key, column);
        } else {
          throw new IllegalArgumentException(file + ": '" + key + "' is neither a field (id, created, updated,"
              + " narrative) nor a dimension of the taxonomy" + (taxonomy == null ? "" : " ("
              + String.join(", ", taxonomy.names()) + "): declare it in the taxonomy file, or fix the name"));
        }
      });
      if (taxonomy != null) {
        // The taxonomy's other dimensions a mapping does not name are read from their source column.
        taxonomy.custom().stream().filter(d -> d.source() != null && !dimensions.containsKey(d.name()))
            .forEach(d -> dimensions.put(d.name(), d.source()));
      }
      return new ImportMapping(name, columns, dimensions, parsed.dateFormats(),
          Boolean.TRUE.equals(parsed.skipWithoutNarrative()));
    } catch (JacksonException e) {
      throw new IllegalArgumentException("mapping " + file + " is not valid: " + e.getOriginalMessage(), e);
    }
  }

  public List<String> available() {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yml"))
          .map(n -> n.substring(0, n.length() - 4)).sorted().toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  record MappingFile(Map<String, String> fields,
                     @JsonProperty("date-formats") List<String> dateFormats,
                     @JsonProperty("skip-without-narrative") Boolean skipWithoutNarrative) {
  }
}
