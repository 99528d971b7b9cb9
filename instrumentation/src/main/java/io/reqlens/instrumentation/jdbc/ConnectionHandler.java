package io.reqlens.instrumentation.jdbc;

import java.lang.reflect.Method;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Behind a wrapped Connection: the statements it creates are wrapped too, and the query spans still
 * open on it (their results being read, see {@link OpenResult}) end when it closes.
 */
final class ConnectionHandler extends DelegatingHandler {

  private final JdbcInstrumentation instrumentation;
  private final DbInfo db;
  private final List<OpenResult> open = new ArrayList<>(2);
  private Connection proxy;

  private ConnectionHandler(Connection target, JdbcInstrumentation instrumentation, DbInfo db) {
    super(target);
    this.instrumentation = instrumentation;
    this.db = db;
  }

  static Connection wrap(Connection target, JdbcInstrumentation instrumentation, DbInfo db) {
    ConnectionHandler handler = new ConnectionHandler(target, instrumentation, db);
    handler.proxy = Proxies.create(Connection.class, target, handler);
    return handler.proxy;
  }

  Connection proxy() {
    return proxy;
  }

  @Override
  Object handle(Object proxy, Method method, Object[] args) throws Throwable {
    String name = method.getName();
    switch (name) {
      case "createStatement":
        return statement(Statement.class, delegate(method, args), null);
      case "prepareStatement":
        return statement(PreparedStatement.class, delegate(method, args), sql(args));
      case "prepareCall":
        return statement(CallableStatement.class, delegate(method, args), sql(args));
      case "close":
        endOpenResults(); // closing a connection closes its statements and their results
        return delegate(method, args);
      default:
        return delegate(method, args);
    }
  }

  synchronized void remember(OpenResult result) {
    open.add(result);
  }

  synchronized void forget(OpenResult result) {
    open.remove(result);
  }

  /** Ends every open result's span without a row count. Cheap when none is open. */
  void endOpenResults() {
    for (OpenResult result : openResults(null)) {
      result.endWithoutRows();
    }
  }

  /** Ends the open results of one statement without a row count. */
  void endResultsOf(StatementHandler statement) {
    for (OpenResult result : openResults(statement)) {
      result.endWithoutRows();
    }
  }

  private synchronized List<OpenResult> openResults(StatementHandler of) {
    if (open.isEmpty()) {
      return List.of();
    }
    List<OpenResult> matching = new ArrayList<>(open.size());
    for (OpenResult result : open) {
      if (of == null || result.statement() == of) {
        matching.add(result);
      }
    }
    return matching;
  }

  private <T extends Statement> Object statement(Class<T> type, Object statement, String sql) {
    if (statement == null || !type.isInstance(statement)) {
      return statement;
    }
    return StatementHandler.wrap(type, type.cast(statement), instrumentation, db, this, sql);
  }

  private static String sql(Object[] args) {
    return args != null && args.length > 0 && args[0] instanceof String ? (String) args[0] : "";
  }
}
