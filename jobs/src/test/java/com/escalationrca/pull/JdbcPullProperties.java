package com.escalationrca.pull;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.escalationrca.EscalationRcaApplication;
import com.escalationrca.TestFolders;
import com.escalationrca.ingest.ImportCounts;
import com.escalationrca.ingest.IngestProperties;
import com.escalationrca.ingest.MappedRecord;
import com.escalationrca.ingest.MappingCatalog;
import com.escalationrca.ingest.RecordValidator;
import com.escalationrca.ingest.Taxonomy;
import com.escalationrca.store.EmbeddedServer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Generated source tables through the real JDBC pull into a real PostgreSQL: every column of the
 * pull's query is of a type drawn at random (text, numbers, booleans, uuid, dates, timestamps with
 * and without zone, infinity, jsonb, arrays, bytea, intervals), its values odd (empty, huge,
 * quotes and backslashes, non-Latin scripts, NULL, NaN). The pull never fails on a row, its counts
 * add up and match what the query returned, every rejected row is kept with its reason, every
 * accepted escalation is stored, and no row's date moves the watermark past the pull.
 */
class JdbcPullProperties {

  private static final Path ROOT = TestFolders.temporary("rca-jdbc-pull-");
  private static final List<String> COLUMNS = List.of("ident", "opened", "body", "pol", "vend", "mkt", "chan");
  /** Each try's rows change after the last try's watermark (some before the pull, some after it). */
  private static Instant nextBase = Instant.now().minusSeconds(86_400);
  private static EmbeddedServer source;
  private static ConfigurableApplicationContext context;

  @BeforeContainer
  static void start() {
    source = EmbeddedServer.acquire(ROOT.resolve("source-db"));
    context = new SpringApplicationBuilder(EscalationRcaApplication.class).web(WebApplicationType.NONE).run(
        "--rca.storage.data-dir=" + ROOT.resolve("data"), "--rca.storage.reports-dir=" + ROOT.resolve("reports"),
        "--rca.pull.jdbc.url=" + source.jdbcUrl(), "--rca.pull.jdbc.user=postgres",
        "--rca.pull.jdbc.password=" + source.password(),
        "--rca.pull.jdbc.query=select ident as id, opened as created, changed as updated, body as narrative,"
            + " pol as policy, vend as vendor, mkt as market, chan as channel from odd where changed >= :since order by changed",
        "--rca.pull.jdbc.watermark-column=updated");
  }

  @AfterContainer
  static void stop() {
    context.close();
    source.close();
  }

  /** One column: its SQL type and how values of it are written (null: SQL NULL). */
  record Column(String type, List<String> literals) {
  }

  /** A generated table: a type per column and rows of literals, with a "changed" offset in minutes (null: NULL). */
  record Table(List<String> types, List<List<String>> rows, List<Integer> changed) {

    @Override
    public String toString() {
      return types + " × " + rows.size() + " rows: " + rows;
    }
  }

  private static Arbitrary<String> text() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMinLength(0).ofMaxLength(40).withCharRange(' ', '~'),
        Arbitraries.strings().ofMinLength(1).ofMaxLength(30).withChars("ãçéõñüאбж漢字😀'\\\"\t\n "),
        Arbitraries.of("", " ", "'", "\\", "O'Brien \\N", "null", "NULL", "0", "-1", "2026-11-20", "9999-12-31"),
        Arbitraries.integers().between(1, 40_000).map("x"::repeat));
  }

  private static Arbitrary<String> literal(String type) {
    Arbitrary<String> value = switch (type) {
      case "text", "varchar(50)" -> text().map(t -> quoted(type.equals("text") ? t : t.substring(0, Math.min(50, t.length()))));
      case "integer" -> Arbitraries.integers().map(String::valueOf);
      case "numeric(14,3)" -> Arbitraries.bigDecimals().between(java.math.BigDecimal.valueOf(-1e10), java.math.BigDecimal.valueOf(1e10))
          .ofScale(3).map(Object::toString);
      case "double precision" -> Arbitraries.of("'NaN'", "'Infinity'", "'-Infinity'", "1e308", "0", "-0.5");
      case "boolean" -> Arbitraries.of("true", "false");
      case "uuid" -> Arbitraries.of("gen_random_uuid()", "'00000000-0000-0000-0000-000000000000'");
      case "date" -> Arbitraries.of("'2026-11-20'", "'0001-01-01'", "'9999-12-31'", "'1899-12-31'", "'infinity'",
          "'-infinity'", "'2026-02-28'");
      case "timestamp" -> Arbitraries.of("'2026-11-20 10:00'", "'1800-01-01 00:00'", "'infinity'", "'4000-06-01 12:00'",
          "'2026-11-19 23:59:59.999999'");
      case "timestamptz" -> Arbitraries.of("'2026-11-20 10:00+00'", "'2026-11-20 10:00-03'", "'-infinity'",
          "'1900-01-01 00:00+00'", "'2026-11-21 02:00+14'");
      case "jsonb" -> Arbitraries.of("'{\"a\": [1, 2]}'", "'\"text\"'", "'null'", "'[]'", "'{\"name\": \"Acme\"}'");
      case "text[]" -> Arbitraries.of("'{}'", "'{a,b}'", "'{\"with space\",NULL}'");
      case "bytea" -> Arbitraries.of("'\\xdeadbeef'", "''", "'\\x00'");
      case "interval" -> Arbitraries.of("'1 day'", "'-3 hours'", "'P1Y2M'");
      default -> throw new IllegalArgumentException(type);
    };
    return value.injectNull(1.0 / 7);
  }

  private static String quoted(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  @Provide
  Arbitrary<Table> tables() {
    Arbitrary<String> type = Arbitraries.of("text", "varchar(50)", "integer", "numeric(14,3)", "double precision",
        "boolean", "uuid", "date", "timestamp", "timestamptz", "jsonb", "text[]", "bytea", "interval");
    // Mostly text where a text goes (so some rows are good), any type anywhere.
    Arbitrary<List<String>> types = Combinators.combine(
        Arbitraries.oneOf(Arbitraries.just("text"), type), Arbitraries.oneOf(Arbitraries.just("timestamptz"), type),
        Arbitraries.oneOf(Arbitraries.just("text"), type), type, type, type, type).as(List::of);
    return types.flatMap(t -> {
      Arbitrary<List<String>> row = Combinators.combine(t.stream().map(JdbcPullProperties::literal).toList())
          .as(ArrayList::new);
      Arbitrary<Integer> changed = Arbitraries.frequencyOf(
          net.jqwik.api.Tuple.of(8, Arbitraries.integers().between(0, 1_439)),
          // A source row dated far in the future must not move the watermark there.
          net.jqwik.api.Tuple.of(1, Arbitraries.just(Integer.MAX_VALUE))).injectNull(0.1);
      return Combinators.combine(row.list().ofMaxSize(25), changed.list().ofSize(25))
          .as((rows, offsets) -> new Table(t, rows, offsets.subList(0, rows.size())));
    });
  }

  @Property(tries = 40)
  void thePullKeepsEveryRowAcceptedOrRejected(@ForAll("tables") Table table) throws Exception {
    long returned = write(table, nextBase);
    JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
    Pulls pulls = context.getBean(Pulls.class);
    long before = jdbc.queryForObject("select count(*) from escalation", Long.class);

    Pulls.Pulled pulled = pulls.pull(Pulls.JDBC, c -> { });

    ImportCounts counts = pulled.counts();
    assertThat(counts.read()).isEqualTo(returned);
    assertThat(jdbc.queryForObject("select count(*) from rejected_row where import_id = ?", Long.class, pulled.importId()))
        .isEqualTo(counts.rejected());
    assertThat(jdbc.queryForObject("select read from import_run where id = ?", Long.class, pulled.importId()))
        .isEqualTo(returned);
    assertThat(jdbc.queryForObject("select count(*) from escalation", Long.class) - before).isEqualTo(counts.inserted());
    // The rows the validator accepts are stored: read them again as the pull did.
    Set<String> accepted = new LinkedHashSet<>();
    RecordValidator validator = new RecordValidator(new MappingCatalog(context.getBean(IngestProperties.class)).load("native"),
        context.getBean(Taxonomy.class), context.getBean(IngestProperties.class));
    try (JdbcSource again = new JdbcSource(context.getBean(PullProperties.class).jdbc(), pulled.since())) {
      while (again.hasNext()) {
        if (validator.validate(again.next()) instanceof MappedRecord.Accepted a) {
          accepted.add(a.escalation().externalId());
        }
      }
    }
    assertThat(jdbc.queryForObject("select count(*) from escalation where external_id = any(?)", Long.class,
        (Object) accepted.toArray(String[]::new))).isEqualTo(accepted.size());
    // However far in the future a row says it changed, the watermark stays at or before the pull:
    // a 9999-12-31 in a source row must not make every later pull read nothing.
    assertThat(pulled.watermark()).isBeforeOrEqualTo(Instant.now()).isAfterOrEqualTo(pulled.since());
    nextBase = pulled.watermark().plusSeconds(1);
  }

  /** Replaces the source table; returns how many rows the pull's query will return (those with a changed time). */
  private static long write(Table table, Instant day) throws Exception {
    try (Connection connection = DriverManager.getConnection(source.jdbcUrl(), "postgres", source.password());
         Statement sql = connection.createStatement()) {
      sql.execute("drop table if exists odd");
      List<String> columns = new ArrayList<>();
      for (int c = 0; c < COLUMNS.size(); c++) {
        columns.add(COLUMNS.get(c) + " " + table.types().get(c));
      }
      sql.execute("create table odd (" + String.join(", ", columns) + ", changed timestamptz)");
      long returned = 0;
      for (int r = 0; r < table.rows().size(); r++) {
        List<String> values = new ArrayList<>();
        for (String literal : table.rows().get(r)) {
          values.add(literal == null ? "NULL" : literal);
        }
        Integer minutes = table.changed().get(r);
        String changed = minutes == null ? "NULL"
            : minutes == Integer.MAX_VALUE ? "'9999-12-31 00:00+00'" : quoted(day.plusSeconds(60L * minutes).toString());
        returned += minutes == null ? 0 : 1;
        sql.execute("insert into odd values (" + String.join(", ", values) + ", " + changed + ")");
      }
      return returned;
    }
  }
}
