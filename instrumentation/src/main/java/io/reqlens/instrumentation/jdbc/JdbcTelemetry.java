package io.reqlens.instrumentation.jdbc;

import io.opentelemetry.api.OpenTelemetry;
import io.reqlens.instrumentation.internal.InstrumentationSupport;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * JDBC instrumentation without the agent: wraps a {@link DataSource} or a {@link Connection} so
 * that every statement execution is a CLIENT span with the stable database semantic conventions
 * ({@code db.system.name}, {@code db.namespace}, {@code db.query.text} with every literal replaced
 * by {@code ?}, {@code db.query.summary}, {@code db.operation.batch.size}, and {@code
 * db.response.returned_rows} for the rows the app read from a query's result), parented to the
 * current context.
 *
 * <pre>{@code
 * DataSource traced = JdbcTelemetry.create(openTelemetry).wrap(dataSource);
 * }</pre>
 *
 * <p>Results and exceptions reach the application unchanged; a failure of the instrumentation
 * itself is logged and never thrown.
 */
public final class JdbcTelemetry {

  private final JdbcInstrumentation instrumentation;

  JdbcTelemetry(JdbcInstrumentation instrumentation) {
    this.instrumentation = instrumentation;
  }

  /** A telemetry with the defaults of {@link JdbcTelemetryBuilder}. */
  public static JdbcTelemetry create(OpenTelemetry openTelemetry) {
    return builder(openTelemetry).build();
  }

  public static JdbcTelemetryBuilder builder(OpenTelemetry openTelemetry) {
    return new JdbcTelemetryBuilder(Objects.requireNonNull(openTelemetry, "openTelemetry"));
  }

  /**
   * Wraps {@code dataSource}; the wrapper also implements every public interface the original does.
   * Wrapping a wrapper returns it unchanged.
   */
  public DataSource wrap(DataSource dataSource) {
    Objects.requireNonNull(dataSource, "dataSource");
    if (Proxies.isWrapper(dataSource)) {
      return dataSource;
    }
    return Proxies.create(
        DataSource.class, dataSource, new DataSourceHandler(dataSource, instrumentation));
  }

  /** Wraps {@code connection}. Wrapping a wrapper returns it unchanged. */
  public Connection wrap(Connection connection) {
    Objects.requireNonNull(connection, "connection");
    if (Proxies.isWrapper(connection)) {
      return connection;
    }
    return ConnectionHandler.wrap(connection, instrumentation, dbInfo(connection));
  }

  static DbInfo dbInfo(Connection connection) {
    try {
      return DataSourceHandler.readUrl(connection);
    } catch (SQLException | RuntimeException e) {
      InstrumentationSupport.failed("read the JDBC URL", e);
      return DbInfo.UNKNOWN;
    }
  }
}
