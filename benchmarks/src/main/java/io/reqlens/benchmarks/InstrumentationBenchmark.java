package io.reqlens.benchmarks;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.reqlens.instrumentation.jdbc.JdbcTelemetry;
import io.reqlens.instrumentation.servlet.ServletTelemetry;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Per-request cost of the Reqlens library instrumentation: one request through the servlet filter
 * running three JDBC statements (select by key, update, small range select) against an in-memory
 * H2, versus the same request with no instrumentation. The SDK samples everything and exports
 * through a BatchSpanProcessor to a no-op exporter, so the figures are the cost of creating,
 * filling and queueing four spans (one SERVER, three CLIENT), not of exporting them. Requests are
 * handed to the filter directly (no sockets, no HTTP parsing).
 *
 * <pre>
 * mvn -B -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar InstrumentationBenchmark -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class InstrumentationBenchmark {

  private static final int USERS = 1000;

  private OpenTelemetrySdk sdk;
  private Connection plainConnection;
  private Connection tracedConnection;
  private Filter filter;
  private int next;

  @Setup(Level.Trial)
  public void setUp() throws SQLException {
    sdk =
        OpenTelemetrySdk.builder()
            .setTracerProvider(
                SdkTracerProvider.builder()
                    .setSampler(Sampler.alwaysOn())
                    .addSpanProcessor(BatchSpanProcessor.builder(new NoopExporter()).build())
                    .build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
            .build();
    String url = "jdbc:h2:mem:instrumentation-benchmark;DB_CLOSE_DELAY=-1";
    plainConnection = DriverManager.getConnection(url);
    tracedConnection = JdbcTelemetry.create(sdk).wrap(DriverManager.getConnection(url));
    filter = ServletTelemetry.create(sdk).createFilter();
    try (Statement st = plainConnection.createStatement()) {
      st.execute("CREATE TABLE users (id INT PRIMARY KEY, name VARCHAR(50), visits INT)");
      st.execute("INSERT INTO users SELECT x, 'user' || x, 0 FROM SYSTEM_RANGE(1, " + USERS + ")");
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws SQLException {
    plainConnection.close();
    tracedConnection.close();
    sdk.close();
  }

  /** The app: three statements, then a small body. */
  private FilterChain app(Connection connection, Blackhole blackhole) {
    return (request, response) -> {
      int id = 1 + (next++ % USERS);
      try {
        try (PreparedStatement ps =
            connection.prepareStatement("SELECT name FROM users WHERE id = ?")) {
          ps.setInt(1, id);
          try (ResultSet rs = ps.executeQuery()) {
            blackhole.consume(rs.next() ? rs.getString(1) : null);
          }
        }
        try (PreparedStatement ps =
            connection.prepareStatement("UPDATE users SET visits = visits + 1 WHERE id = ?")) {
          ps.setInt(1, id);
          blackhole.consume(ps.executeUpdate());
        }
        try (PreparedStatement ps =
            connection.prepareStatement("SELECT id, name FROM users WHERE id BETWEEN ? AND ?")) {
          ps.setInt(1, id);
          ps.setInt(2, id + 9);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              blackhole.consume(rs.getInt(1));
            }
          }
        }
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
      response.setContentType("text/plain; charset=utf-8");
      response.getWriter().write("hello user " + id);
    };
  }

  /** Baseline: the same request and statements, nothing instrumented. */
  @Benchmark
  public void uninstrumented(Blackhole blackhole) throws Exception {
    app(plainConnection, blackhole).doFilter(new LightServletRequest(), new LightServletResponse());
  }

  /** The servlet filter around the request, the JDBC wrapper around the connection. */
  @Benchmark
  public void reqlensLibrary(Blackhole blackhole) throws Exception {
    filter.doFilter(
        new LightServletRequest(), new LightServletResponse(), app(tracedConnection, blackhole));
  }

  /** Accepts every batch and does nothing: the benchmark measures the app thread only. */
  private static final class NoopExporter implements SpanExporter {
    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }
}
