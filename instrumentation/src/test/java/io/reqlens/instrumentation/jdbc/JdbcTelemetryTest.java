package io.reqlens.instrumentation.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.reqlens.instrumentation.testkit.InMemorySpanSink;
import io.reqlens.instrumentation.testkit.SpanView;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import javax.sql.XADataSource;
import org.h2.jdbc.JdbcConnection;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdbcTelemetryTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private OpenTelemetrySdk sdk;
  private InMemorySpanSink sink;
  private JdbcTelemetry telemetry;
  private JdbcDataSource h2;
  private DataSource dataSource;
  private String dbName;

  @BeforeEach
  void setUp() throws SQLException {
    InMemorySpanExporter exporter = InMemorySpanExporter.create();
    sink = new InMemorySpanSink(exporter);
    sdk =
        OpenTelemetrySdk.builder()
            .setTracerProvider(
                SdkTracerProvider.builder()
                    .addSpanProcessor(SimpleSpanProcessor.create(exporter))
                    .build())
            .build();
    telemetry = JdbcTelemetry.create(sdk);
    dbName = "jdbctest" + UUID.randomUUID().toString().replace("-", "");
    h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:" + dbName + ";DB_CLOSE_DELAY=-1");
    dataSource = telemetry.wrap(h2);
    try (Connection raw = h2.getConnection();
        Statement st = raw.createStatement()) {
      st.execute("CREATE TABLE users (id INT PRIMARY KEY, name VARCHAR(50))");
      st.execute("INSERT INTO users VALUES (1, 'alice')");
    }
  }

  @AfterEach
  void tearDown() throws SQLException {
    sink.assertNoMoreSpans(Duration.ofMillis(50));
    try (Connection raw = h2.getConnection();
        Statement st = raw.createStatement()) {
      st.execute("DROP ALL OBJECTS");
    }
    sdk.close();
  }

  private SpanView one() {
    return sink.take(1, TIMEOUT).get(0);
  }

  @Test
  void statementIsAClientSpanUnderTheCurrentSpanWithSanitizedText() throws SQLException {
    Span parent = sdk.getTracer("test").spanBuilder("parent").startSpan();
    Scope scope = parent.makeCurrent();
    try (Connection c = dataSource.getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT name FROM users WHERE name = 'alice'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("alice");
    } finally {
      scope.close();
      parent.end();
    }
    SpanView span = one();
    SpanView parentView = one();
    assertThat(span.kind()).isEqualTo("CLIENT");
    assertThat(span.name()).isEqualTo("SELECT users");
    assertThat(span.parentSpanId()).isEqualTo(parentView.spanId());
    assertThat(span.scope()).isEqualTo(JdbcTelemetryBuilder.INSTRUMENTATION_NAME);
    assertThat(span.attributes())
        .containsEntry("db.system.name", "h2database")
        .containsEntry("db.namespace", dbName)
        .containsEntry("db.query.text", "SELECT name FROM users WHERE name = ?")
        .containsEntry("db.query.summary", "SELECT users")
        .containsEntry("db.response.returned_rows", 1L)
        .doesNotContainKey("db.operation.batch.size");
    // semconv: for SQL, not parsed out of the query text (the summary holds them), as the agent
    assertThat(span.attributes()).doesNotContainKeys("db.operation.name", "db.collection.name");
  }

  @Test
  void theRowsTheAppReadAreCountedWhenTheResultEnds() throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement st = c.createStatement()) {
      st.execute("INSERT INTO users VALUES (2, 'bob'), (3, 'carol')");
      try (ResultSet rs = st.executeQuery("SELECT name FROM users ORDER BY id")) {
        int read = 0;
        while (rs.next()) {
          read++;
        }
        assertThat(read).isEqualTo(3);
        assertThat(rs.getStatement()).isSameAs(st);
      }
      try (ResultSet rs = st.executeQuery("SELECT name FROM users ORDER BY id")) {
        assertThat(rs.next()).isTrue(); // the app stops after one row and closes the result
      }
      ResultSet unread = st.executeQuery("SELECT name FROM users");
      assertThat(unread.next()).isTrue();
      st.executeUpdate("UPDATE users SET name = 'x' WHERE id = 3"); // another statement runs
    }
    List<SpanView> spans = sink.take(5, TIMEOUT);
    assertThat(spans)
        .extracting(SpanView::name)
        .containsExactly(
            "INSERT users", "SELECT users", "SELECT users", "SELECT users", "UPDATE users");
    assertThat(spans.get(0).attributes()).doesNotContainKey("db.response.returned_rows");
    assertThat(spans.get(1).attribute("db.response.returned_rows")).isEqualTo(3L);
    assertThat(spans.get(2).attribute("db.response.returned_rows")).isEqualTo(1L);
    assertThat(spans.get(3).attributes())
        .as("ended by the next statement: how many rows it held is unknown")
        .doesNotContainKey("db.response.returned_rows");
    assertThat(spans.get(4).attributes()).doesNotContainKey("db.response.returned_rows");
  }

  @Test
  void closingTheStatementOrTheConnectionEndsAnOpenResultsSpan() throws SQLException {
    Connection c = dataSource.getConnection();
    Statement st = c.createStatement();
    st.executeQuery("SELECT name FROM users");
    st.close();
    assertThat(one().attributes()).doesNotContainKey("db.response.returned_rows");
    try (PreparedStatement ps = c.prepareStatement("SELECT name FROM users")) {
      ps.executeQuery().next();
      c.close();
    }
    assertThat(one().attributes()).doesNotContainKey("db.response.returned_rows");
  }

  @Test
  void preparedStatementsAreSanitizedToo() throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT name FROM users WHERE id = ? AND name <> 'literal'")) {
      ps.setInt(1, 1);
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
      }
      assertThat(ps.getConnection()).isSameAs(c);
    }
    SpanView span = one();
    assertThat(span.attribute("db.query.text"))
        .isEqualTo("SELECT name FROM users WHERE id = ? AND name <> ?");
    assertThat(span.parentSpanId()).isNull();
  }

  @Test
  void updateCountsReachTheApp() throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement st = c.createStatement()) {
      assertThat(st.executeUpdate("UPDATE users SET name = 'bob' WHERE id = 1")).isEqualTo(1);
      assertThat(st.executeLargeUpdate("DELETE FROM users WHERE id = 7")).isEqualTo(0L);
      assertThat(st.execute("INSERT INTO users VALUES (2, 'carol')")).isFalse();
    }
    List<SpanView> spans = sink.take(3, TIMEOUT);
    assertThat(spans)
        .extracting(SpanView::name)
        .containsExactly("UPDATE users", "DELETE users", "INSERT users");
  }

  @Test
  void batchesAreOneSpanWithTheirSize() throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      try (Statement st = c.createStatement()) {
        st.addBatch("INSERT INTO users VALUES (10, 'x')");
        st.addBatch("INSERT INTO users VALUES (11, 'y')");
        assertThat(st.executeBatch()).containsExactly(1, 1);
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO users VALUES (?, ?)")) {
        for (int i = 20; i < 23; i++) {
          ps.setInt(1, i);
          ps.setString(2, "n" + i);
          ps.addBatch();
        }
        assertThat(ps.executeLargeBatch()).containsExactly(1L, 1L, 1L);
        ps.setInt(1, 30);
        ps.setString(2, "single");
        ps.addBatch();
        ps.executeBatch();
      }
    }
    List<SpanView> spans = sink.take(3, TIMEOUT);
    assertThat(spans.get(0).name()).isEqualTo("BATCH INSERT users");
    assertThat(spans.get(0).attributes())
        .containsEntry("db.operation.batch.size", 2L)
        .containsEntry("db.query.text", "INSERT INTO users VALUES (?, ?)");
    assertThat(spans.get(1).attributes()).containsEntry("db.operation.batch.size", 3L);
    assertThat(spans.get(2).name()).isEqualTo("INSERT users"); // a batch of one is no batch
    assertThat(spans.get(2).attributes()).doesNotContainKey("db.operation.batch.size");
  }

  @Test
  void errorsReachTheAppUnchangedAndLeaveNoLiteralInTheSpan() throws SQLException {
    SQLException direct;
    try (Connection raw = h2.getConnection();
        Statement st = raw.createStatement()) {
      direct = catchSql(() -> st.executeQuery("SELECT * FROM nope WHERE x = 'secret2'"));
    }
    try (Connection c = dataSource.getConnection();
        Statement st = c.createStatement()) {
      assertThatThrownBy(() -> st.executeQuery("SELECT * FROM nope WHERE x = 'secret2'"))
          .isExactlyInstanceOf(direct.getClass())
          .hasMessage(direct.getMessage());
    }
    SpanView span = one();
    assertThat(span.status()).isEqualTo("ERROR");
    assertThat(span.attribute("error.type")).isEqualTo("42102");
    assertThat(span.event("exception").attributes())
        .containsEntry("exception.type", direct.getClass().getName())
        .doesNotContainKey("exception.message");
    assertThat(span.allText()).noneMatch(text -> text.contains("secret2"));
  }

  @Test
  void wrappersUnwrapToTheDriverAndAreNotWrappedTwice() throws SQLException {
    assertThat(dataSource).isInstanceOf(XADataSource.class); // H2's own interfaces are kept
    assertThat(telemetry.wrap(dataSource)).isSameAs(dataSource);
    try (Connection c = dataSource.getConnection()) {
      assertThat(c.isWrapperFor(JdbcConnection.class)).isTrue();
      assertThat(c.unwrap(JdbcConnection.class)).isInstanceOf(JdbcConnection.class);
      assertThat(telemetry.wrap(c)).isSameAs(c);
      assertThat(c).isEqualTo(c).isNotEqualTo(c.unwrap(JdbcConnection.class));
      try (CallableStatement call = c.prepareCall("CALL 1 + 1")) {
        assertThat(call.execute()).isTrue();
      }
    }
    assertThat(one().attribute("db.query.summary")).isEqualTo("CALL");
  }

  @Test
  void aWrappedConnectionWorksWithoutADataSource() throws SQLException {
    try (Connection c = telemetry.wrap(h2.getConnection());
        Statement st = c.createStatement()) {
      st.execute("SELECT 1");
    }
    SpanView span = one();
    assertThat(span.name()).isEqualTo("SELECT");
    assertThat(span.attribute("db.query.text")).isEqualTo("SELECT ?");
  }

  @Test
  void queryTextCanBeTurnedOff() throws SQLException {
    DataSource quiet = JdbcTelemetry.builder(sdk).setCaptureQueryText(false).build().wrap(h2);
    try (Connection c = quiet.getConnection();
        Statement st = c.createStatement()) {
      st.execute("SELECT 1");
    }
    assertThat(one().attributes()).doesNotContainKey("db.query.text");
  }

  interface SqlCall {
    void run() throws SQLException;
  }

  private static SQLException catchSql(SqlCall call) {
    try {
      call.run();
    } catch (SQLException e) {
      return e;
    }
    throw new AssertionError("no SQLException");
  }
}
