package io.reqlens.instrumentation.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.reqlens.instrumentation.testkit.InMemorySpanSink;
import io.reqlens.instrumentation.testkit.SpanView;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The safety property of the JDBC wrapper, against a real database: for thousands of random
 * statements full of literals, (1) no literal (nor a comment) shows up anywhere in the span (name,
 * attributes, events), and (2) the application sees exactly what it sees without the wrapper: the
 * same rows, update counts, or exception (class, SQLState, code and message). Each statement runs
 * once on a plain connection and once on a wrapped one, against two identical schemas kept in
 * lockstep. {@code -Dreqlens.seed=N} replays a run.
 */
abstract class AbstractSqlLiteralPropertyTest {

  static final int STATEMENTS = Integer.getInteger("reqlens.statements", 3000);

  /** Two connections to two empty, identical schemas; the first is wrapped by the test. */
  abstract Connection[] connect() throws SQLException;

  abstract SqlLiteralGenerator.Flavor flavor();

  @Test
  void noLiteralReachesASpanAndTheAppSeesTheSameResults() throws Exception {
    long seed = Long.getLong("reqlens.seed", System.nanoTime());
    InMemorySpanExporter exporter = InMemorySpanExporter.create();
    InMemorySpanSink sink = new InMemorySpanSink(exporter);
    try (OpenTelemetrySdk sdk =
        OpenTelemetrySdk.builder()
            .setTracerProvider(
                SdkTracerProvider.builder()
                    .addSpanProcessor(SimpleSpanProcessor.create(exporter))
                    .build())
            .build()) {
      Connection[] connections = connect();
      try (Connection traced = JdbcTelemetry.create(sdk).wrap(connections[0]);
          Connection plain = connections[1]) {
        for (Connection c : new Connection[] {connections[0], plain}) {
          try (Statement st = c.createStatement()) {
            st.execute(SqlLiteralGenerator.createTable(flavor()));
          }
        }
        SqlLiteralGenerator generator = new SqlLiteralGenerator(seed, flavor());
        int errors = 0;
        for (int i = 0; i < STATEMENTS; i++) {
          SqlLiteralGenerator.Generated statement = generator.next();
          String expected = run(plain, statement);
          String actual = run(traced, statement);
          String context = "seed " + seed + ", statement " + i + ": " + statement.text();
          assertThat(actual).as(context).isEqualTo(expected);
          errors += expected.startsWith("error:") ? 1 : 0;
          SpanView span = sink.take(1, Duration.ofSeconds(5)).get(0);
          assertNoMarker(span, statement, context);
        }
        sink.assertNoMoreSpans(Duration.ZERO);
        assertThat(errors).as("some statements must fail, to compare exceptions").isPositive();
        assertThat(errors).as("most statements must succeed").isLessThan(STATEMENTS / 2);
      }
    }
  }

  private static void assertNoMarker(
      SpanView span, SqlLiteralGenerator.Generated statement, String context) {
    assertThat(span.kind()).as(context).isEqualTo("CLIENT");
    for (String text : span.allText()) {
      String upper = text.toUpperCase(Locale.ROOT);
      for (String marker : statement.markers()) {
        if (text.contains(marker) || upper.contains(marker.toUpperCase(Locale.ROOT))) {
          fail("literal '%s' leaked into '%s' of span %s (%s)", marker, text, span, context);
        }
      }
    }
  }

  private static String run(Connection c, SqlLiteralGenerator.Generated statement) {
    try {
      switch (statement.kind()) {
        case PREPARED:
          try (PreparedStatement ps = c.prepareStatement(statement.sql().get(0))) {
            ps.setLong(1, statement.parameter());
            try (ResultSet rs = ps.executeQuery()) {
              return rows(rs);
            }
          }
        case BATCH:
          try (Statement st = c.createStatement()) {
            for (String sql : statement.sql()) {
              st.addBatch(sql);
            }
            return "batch:" + Arrays.toString(st.executeBatch());
          }
        default:
          try (Statement st = c.createStatement()) {
            boolean query = st.execute(statement.sql().get(0));
            if (!query) {
              return "count:" + st.getUpdateCount();
            }
            try (ResultSet rs = st.getResultSet()) {
              return rows(rs);
            }
          }
      }
    } catch (SQLException e) {
      return "error:"
          + e.getClass().getName()
          + "|"
          + e.getSQLState()
          + "|"
          + e.getErrorCode()
          + "|"
          + e.getMessage();
    }
  }

  private static String rows(ResultSet rs) throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    List<List<String>> rows = new ArrayList<>();
    while (rs.next()) {
      List<String> row = new ArrayList<>();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        Object value = rs.getObject(i);
        row.add(
            value instanceof byte[]
                ? HexFormat.of().formatHex((byte[]) value)
                : String.valueOf(value));
      }
      rows.add(row);
    }
    return "rows:" + rows;
  }
}
