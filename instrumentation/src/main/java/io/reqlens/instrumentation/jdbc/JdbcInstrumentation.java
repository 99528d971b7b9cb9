package io.reqlens.instrumentation.jdbc;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;
import io.reqlens.instrumentation.internal.InstrumentationSupport;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.ResultSet;
import java.util.function.Supplier;

/** Runs one statement execution inside a CLIENT span; shared by every wrapper of a telemetry. */
final class JdbcInstrumentation {

  private final Instrumenter<DbRequest, Long> instrumenter;

  JdbcInstrumentation(Instrumenter<DbRequest, Long> instrumenter) {
    this.instrumenter = instrumenter;
  }

  /**
   * Calls {@code method} on {@code target} inside a span for the request {@code requests} builds. A
   * result of {@code executeQuery} keeps the span open until the app has read it (see {@link
   * OpenResult}); any other call ends it when it returns. Whatever the instrumentation does wrong
   * is swallowed; whatever the driver does is not.
   */
  Object execute(
      Supplier<DbRequest> requests,
      Object target,
      Method method,
      Object[] args,
      StatementHandler statement)
      throws Throwable {
    statement.connection().endOpenResults(); // their rows are no longer the only thing read
    Context parent = Context.current();
    DbRequest request = null;
    Context context = null;
    try {
      request = requests.get();
      if (instrumenter.shouldStart(parent, request)) {
        context = instrumenter.start(parent, request);
      }
    } catch (RuntimeException | LinkageError e) {
      InstrumentationSupport.failed("start a JDBC span", e);
    }
    if (context == null) {
      return invoke(target, method, args);
    }
    Object result;
    Scope scope = context.makeCurrent();
    try {
      result = invoke(target, method, args);
    } catch (Throwable t) {
      scope.close();
      end(context, request, null, t);
      throw t;
    }
    scope.close();
    if (result instanceof ResultSet && method.getName().equals("executeQuery")) {
      try {
        return statement.track(context, request, (ResultSet) result);
      } catch (RuntimeException | LinkageError e) {
        InstrumentationSupport.failed("count the rows of a JDBC result", e);
      }
    }
    end(context, request, null, null);
    return result;
  }

  /** Ends a span; {@code rows} is the count of rows the app read, or null when unknown. */
  void end(Context context, DbRequest request, Long rows, Throwable error) {
    try {
      if (error != null) {
        SqlErrors.record(Span.fromContext(context), error);
      }
      instrumenter.end(context, request, rows, null);
    } catch (RuntimeException | LinkageError e) {
      InstrumentationSupport.failed("end a JDBC span", e);
    }
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
