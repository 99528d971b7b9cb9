package io.reqlens.instrumentation.jdbc;

import io.opentelemetry.context.Context;
import io.reqlens.core.sql.SanitizedSql;
import java.lang.reflect.Method;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Behind a wrapped Statement, PreparedStatement or CallableStatement: every execute* method runs in
 * a span; batches are remembered until they execute. Like the statement itself, not thread-safe.
 */
final class StatementHandler extends DelegatingHandler {

  /** Distinct statement texts remembered per batch; the count goes on past it. */
  static final int MAX_BATCH_TEXTS = 64;

  private final JdbcInstrumentation instrumentation;
  private final DbInfo db;
  private final ConnectionHandler connection;
  private final String preparedSql; // null for a plain Statement
  private final Set<String> batchTexts = new LinkedHashSet<>();
  private long batchCount;
  private Statement proxy;

  private StatementHandler(
      Object target,
      JdbcInstrumentation instrumentation,
      DbInfo db,
      ConnectionHandler connection,
      String preparedSql) {
    super(target);
    this.instrumentation = instrumentation;
    this.db = db;
    this.connection = connection;
    this.preparedSql = preparedSql;
  }

  /** Wraps a statement of {@code connection}; {@code preparedSql} is null for a plain one. */
  static <T extends Statement> T wrap(
      Class<T> type,
      Statement target,
      JdbcInstrumentation instrumentation,
      DbInfo db,
      ConnectionHandler connection,
      String preparedSql) {
    StatementHandler handler =
        new StatementHandler(target, instrumentation, db, connection, preparedSql);
    T proxy = Proxies.create(type, target, handler);
    handler.proxy = proxy;
    return proxy;
  }

  ConnectionHandler connection() {
    return connection;
  }

  /** Wraps the result of {@code executeQuery}: its span ends when the app has read it. */
  ResultSet track(Context context, DbRequest request, ResultSet result) {
    OpenResult open = new OpenResult(instrumentation, context, request, this, connection);
    connection.remember(open);
    return ResultSetHandler.wrap(result, open, proxy);
  }

  @Override
  Object handle(Object proxy, Method method, Object[] args) throws Throwable {
    switch (method.getName()) {
      case "execute":
      case "executeQuery":
      case "executeUpdate":
      case "executeLargeUpdate":
        if (args != null && args.length > 0 && args[0] instanceof String) {
          String sql = (String) args[0];
          return instrumentation.execute(
              () -> DbRequest.single(db, db.sanitizer().sanitize(sql)), target, method, args, this);
        }
        if (preparedSql != null && args == null) {
          return instrumentation.execute(
              () -> DbRequest.single(db, db.sanitizer().sanitizeCached(preparedSql)),
              target,
              method,
              null,
              this);
        }
        break;
      case "executeBatch":
      case "executeLargeBatch":
        if (args == null) {
          try {
            return instrumentation.execute(this::batchRequest, target, method, null, this);
          } finally {
            clearBatch(); // the driver empties its batch too, whatever happened
          }
        }
        break;
      case "addBatch":
        Object result = delegate(method, args);
        if (args != null && args.length == 1 && args[0] instanceof String) {
          if (batchTexts.size() < MAX_BATCH_TEXTS) {
            batchTexts.add((String) args[0]);
          }
          batchCount++;
        } else if (args == null) {
          batchCount++;
        }
        return result;
      case "clearBatch":
        clearBatch();
        break;
      case "getConnection":
        if (args == null) {
          return connection.proxy();
        }
        break;
      case "close":
        connection.endResultsOf(this); // closing a statement closes its result
        break;
      default:
    }
    return delegate(method, args);
  }

  private DbRequest batchRequest() {
    List<SanitizedSql> statements = new ArrayList<>();
    if (preparedSql != null) {
      statements.add(db.sanitizer().sanitizeCached(preparedSql));
    }
    for (String sql : batchTexts) {
      statements.add(db.sanitizer().sanitize(sql));
    }
    return DbRequest.batch(db, statements, batchCount);
  }

  private void clearBatch() {
    batchTexts.clear();
    batchCount = 0;
  }
}
