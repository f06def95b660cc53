package com.escalationrca.ingest;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How one source format's columns become escalation fields, read from
 * {@code config/mappings/NAME.yml}: fields and the eight column dimensions ({@code columns}), and the
 * taxonomy's other dimensions by name ({@code dimensionColumns}). Columns no field names are kept in
 * the escalation's extra JSON.
 */
public record ImportMapping(String name, Map<Field, String> columns, Map<String, String> dimensionColumns,
                            List<String> dateFormats, boolean skipWithoutNarrative) {

  public ImportMapping(String name, Map<Field, String> columns, List<String> dateFormats, boolean skipWithoutNarrative) {
    this(name, columns, Map.of(), dateFormats, skipWithoutNarrative);
  }

  public ImportMapping {
    columns = new EnumMap<>(columns);
    dimensionColumns = dimensionColumns == null ? Map.of() : Map.copyOf(dimensionColumns);
    for (Field required : List.of(Field.ID, Field.NARRATIVE, Field.CREATED)) {
      if (!columns.containsKey(required)) {
        throw new IllegalArgumentException("mapping '" + name + "' does not say which column holds '"
            + required.key() + "'");
      }
    }
    dateFormats = dateFormats == null || dateFormats.isEmpty() ? List.of("iso") : List.copyOf(dateFormats);
  }

  public String column(Field field) {
    return columns.get(field);
  }

  public boolean isMapped(String column) {
    return columns.containsValue(column) || dimensionColumns.containsValue(column);
  }
}
