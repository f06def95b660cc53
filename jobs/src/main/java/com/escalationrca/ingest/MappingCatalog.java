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
  private final ObjectMapper yaml = YAMLMapper.builder().build();

  public MappingCatalog(IngestProperties properties) {
    this.dir = properties.mappingsDir();
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
      parsed.fields().forEach((key, column) -> columns.put(Field.byKey(key).orElseThrow(() ->
          new IllegalArgumentException(file + ": unknown field '" + key + "'")), column));
      return new ImportMapping(name, columns, parsed.dateFormats(),
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
