package io.reqlens.instrumentation.jdbc;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Behind a wrapped DataSource: every connection it hands out is wrapped. */
final class DataSourceHandler extends DelegatingHandler {

  private final JdbcInstrumentation instrumentation;
  // Why cached? The URL of a DataSource does not change; asking the driver's metadata for it on
  // every getConnection() would cost a call per request.
  private volatile DbInfo db;

  DataSourceHandler(DataSource target, JdbcInstrumentation instrumentation) {
    super(target);
    this.instrumentation = instrumentation;
  }

  @Override
  Object handle(Object proxy, Method method, Object[] args) throws Throwable {
    Object result = delegate(method, args);
    if (method.getName().equals("getConnection") && result instanceof Connection) {
      Connection connection = (Connection) result;
      return ConnectionHandler.wrap(connection, instrumentation, dbInfo(connection));
    }
    return result;
  }

  private DbInfo dbInfo(Connection connection) {
    DbInfo known = db;
    if (known == null) {
      known = JdbcTelemetry.dbInfo(connection);
      db = known;
    }
    return known;
  }

  static DbInfo readUrl(Connection connection) throws SQLException {
    return DbInfo.fromUrl(connection.getMetaData().getURL());
  }
}
