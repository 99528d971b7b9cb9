package io.reqlens.instrumentation.jdbc;

import java.lang.reflect.Method;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;

/** Behind a wrapped Connection: the statements it creates are wrapped too. */
final class ConnectionHandler extends DelegatingHandler {

  private final JdbcInstrumentation instrumentation;
  private final DbInfo db;
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
      default:
        return delegate(method, args);
    }
  }

  private <T> Object statement(Class<T> type, Object statement, String sql) {
    if (statement == null || !type.isInstance(statement)) {
      return statement;
    }
    return Proxies.create(
        type, statement, new StatementHandler(statement, instrumentation, db, proxy, sql));
  }

  private static String sql(Object[] args) {
    return args != null && args.length > 0 && args[0] instanceof String ? (String) args[0] : "";
  }
}
