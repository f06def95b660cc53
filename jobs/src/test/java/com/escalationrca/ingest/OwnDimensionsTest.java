package com.escalationrca.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A team's own dimensions: declared in the taxonomy file, named by mappings, folded and kept by imports. */
class OwnDimensionsTest {

  private static final String TAXONOMY = """
      dimensions:
        - name: vendor
          phrase: from vendor
        - name: site
          phrase: at site
          aliases:
            Manila: [mnl, manila ph]
        - name: queue
          phrase: in queue
          source: Queue
      """;

  @TempDir
  Path dir;

  private Taxonomy taxonomy(String yaml) {
    return Taxonomy.parse(yaml);
  }

  private MappingCatalog catalog(String mapping) throws IOException {
    Files.writeString(dir.resolve("tickets.yml"), mapping);
    return new MappingCatalog(new IngestProperties(dir, dir.resolve("taxonomy.yml"), 100, 200, 5000), taxonomy(TAXONOMY));
  }

  @Test
  void anyNameIsADimensionKeptByNameBesideTheEightColumns() {
    Taxonomy t = taxonomy(TAXONOMY);

    assertThat(t.names()).containsExactly("vendor", "site", "queue");
    assertThat(t.custom()).extracting(Taxonomy.Dimension::name).containsExactly("site", "queue");
    assertThat(t.dimension("vendor").isColumn()).isTrue();
    assertThat(t.canonical("site", "MNL")).isEqualTo("Manila");
    assertThat(t.dimension("queue").source()).isEqualTo("Queue");
  }

  @Test
  void badNamesFailAtStartWithOneLineNamingTheKey() {
    assertThatThrownBy(() -> taxonomy("dimensions: [{name: Site}]"))
        .hasMessageContaining("taxonomy dimension name 'Site' is not valid");
    assertThatThrownBy(() -> taxonomy("dimensions: [{name: site-name}]"))
        .hasMessageContaining("'site-name' is not valid");
    assertThatThrownBy(() -> taxonomy("dimensions: [{name: site}, {name: site}]"))
        .hasMessageContaining("'site' is declared twice");
    assertThatThrownBy(() -> taxonomy("dimensions: [{name: cluster}]"))
        .hasMessageContaining("'cluster' is reserved");
    assertThatThrownBy(() -> taxonomy("dimensions: [{name: narrative}]"))
        .hasMessageContaining("'narrative' is reserved");
    assertThatThrownBy(() -> taxonomy("dimensions: [{name: vendor, source: Company}]"))
        .hasMessageContaining("'vendor' has a column of its own");
    assertThatThrownBy(() -> taxonomy("dimensions: [{name: site, parent_of: x}]"))
        .hasMessageContaining("parent_of");
  }

  @Test
  void aMappingNamesOwnDimensionsAndTheirSourceColumnsAreReadWithoutOne() throws IOException {
    ImportMapping mapping = catalog("""
        fields:
          id: Key
          created: Created
          narrative: Text
          vendor: Vendor
          site: Site Name
        """).load("tickets");

    assertThat(mapping.dimensionColumns()).containsEntry("site", "Site Name").containsEntry("queue", "Queue");
    Map<String, String> values = new LinkedHashMap<>();
    values.put("Key", "T-1");
    values.put("Created", "2026-11-02");
    values.put("Text", "The reviewer removed my post by mistake");
    values.put("Vendor", "Meridian Ops");
    values.put("Site Name", " mnl ");
    values.put("Queue", "appeals");
    values.put("Tool", "v2");
    MappedRecord result = new RecordValidator(mapping, taxonomy(TAXONOMY),
        new IngestProperties(dir, dir, 100, 200, 5000)).validate(new SourceRecord(1, 2, values, "raw", null));

    Escalation e = ((MappedRecord.Accepted) result).escalation();
    assertThat(e.dimensions()).containsExactly(Map.entry("queue", "appeals"), Map.entry("site", "Manila"));
    assertThat(e.dimension("site")).isEqualTo("Manila");
    assertThat(e.extra()).containsOnlyKeys("Tool");
  }

  @Test
  void aMappingNamingADimensionTheTaxonomyLacksFailsAtStartNamingBoth() throws IOException {
    assertThatThrownBy(() -> catalog("""
        fields:
          id: Key
          created: Created
          narrative: Text
          sitename: Site Name
        """)).hasMessageContaining("tickets.yml").hasMessageContaining("'sitename'")
        .hasMessageContaining("vendor, site, queue");
    Files.delete(dir.resolve("tickets.yml"));
    assertThatThrownBy(() -> catalog("""
        fields:
          id: Key
          created: Created
          narrative: Text
          market: Country
        """)).hasMessageContaining("maps dimension 'market', which the taxonomy does not declare");
  }

  @Test
  void anOwnDimensionsValueIsHeldToTheFieldLengthLimit() throws IOException {
    ImportMapping mapping = catalog("fields: {id: Key, created: Created, narrative: Text, site: Site}").load("tickets");
    Map<String, String> values = Map.of("Key", "T-2", "Created", "2026-11-02", "Text", "text", "Site", "x".repeat(30));
    MappedRecord result = new RecordValidator(mapping, taxonomy(TAXONOMY), new IngestProperties(dir, dir, 100, 20, 5000))
        .validate(new SourceRecord(3, 4, values, "raw", null));

    assertThat(result).isInstanceOf(MappedRecord.Rejected.class);
    assertThat(((MappedRecord.Rejected) result).reason()).contains("'Site' is 30 characters long; the limit is 20");
  }

  @Test
  void theShippedTaxonomyIsTheEightColumnsAndNothingElse() {
    Taxonomy shipped = Taxonomy.read(Path.of("config/taxonomy.yml"));
    assertThat(shipped.names()).containsExactlyElementsOf(Field.DIMENSIONS.stream().map(Field::key).toList());
    assertThat(shipped.custom()).isEmpty();
    assertThat(List.of("site", "queue_2", "content_type")).allMatch(Taxonomy::isDimensionName);
  }
}
