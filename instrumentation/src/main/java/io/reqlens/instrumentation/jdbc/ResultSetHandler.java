package io.reqlens.instrumentation.jdbc;

import java.lang.reflect.Method;
import java.sql.ResultSet;
import java.sql.Statement;

/** Behind a wrapped ResultSet: counts the rows the app reads and ends the query's span. */
final class ResultSetHandler extends DelegatingHandler {

  private final OpenResult result;
  private final Statement statement;

  private ResultSetHandler(ResultSet target, OpenResult result, Statement statement) {
    super(target);
    this.result = result;
    this.statement = statement;
  }

  static ResultSet wrap(ResultSet target, OpenResult result, Statement statement) {
    return Proxies.create(ResultSet.class, target, new ResultSetHandler(target, result, statement));
  }

  @Override
  Object handle(Object proxy, Method method, Object[] args) throws Throwable {
    switch (method.getName()) {
      case "next":
        Object more;
        try {
          more = delegate(method, args);
        } catch (Throwable t) {
          result.endWithoutRows();
          throw t;
        }
        if (Boolean.TRUE.equals(more)) {
          result.row();
        } else {
          result.endWithRows();
        }
        return more;
      case "close":
        try {
          return delegate(method, args);
        } finally {
          result.endWithRows();
        }
      case "getStatement":
        if (args == null) {
          return statement;
        }
        return delegate(method, args);
      default:
        return delegate(method, args);
    }
  }
}
