package io.reqlens.instrumentation.jdbc;

import io.reqlens.core.sql.SanitizedSql;
import java.lang.reflect.Method;
import java.sql.Connection;
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
  private final Connection connection;
  private final String preparedSql; // null for a plain Statement
  private final Set<String> batchTexts = new LinkedHashSet<>();
  private long batchCount;

  StatementHandler(
      Object target,
      JdbcInstrumentation instrumentation,
      DbInfo db,
      Connection connection,
      String preparedSql) {
    super(target);
    this.instrumentation = instrumentation;
    this.db = db;
    this.connection = connection;
    this.preparedSql = preparedSql;
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
              () -> DbRequest.single(db, db.sanitizer().sanitize(sql)), target, method, args);
        }
        if (preparedSql != null && args == null) {
          return instrumentation.execute(
              () -> DbRequest.single(db, db.sanitizer().sanitizeCached(preparedSql)),
              target,
              method,
              null);
        }
        break;
      case "executeBatch":
      case "executeLargeBatch":
        if (args == null) {
          try {
            return instrumentation.execute(this::batchRequest, target, method, null);
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
          return connection;
        }
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
