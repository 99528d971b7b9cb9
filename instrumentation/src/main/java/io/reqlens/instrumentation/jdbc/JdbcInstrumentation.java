package io.reqlens.instrumentation.jdbc;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;
import io.reqlens.instrumentation.internal.InstrumentationSupport;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.function.Supplier;

/** Runs one statement execution inside a CLIENT span; shared by every wrapper of a telemetry. */
final class JdbcInstrumentation {

  private final Instrumenter<DbRequest, Void> instrumenter;

  JdbcInstrumentation(Instrumenter<DbRequest, Void> instrumenter) {
    this.instrumenter = instrumenter;
  }

  /**
   * Calls {@code method} on {@code target} inside a span for the request {@code requests} builds.
   * Whatever the instrumentation does wrong is swallowed; whatever the driver does is not.
   */
  Object execute(Supplier<DbRequest> requests, Object target, Method method, Object[] args)
      throws Throwable {
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
    Throwable error = null;
    Scope scope = context.makeCurrent();
    try {
      return invoke(target, method, args);
    } catch (Throwable t) {
      error = t;
      throw t;
    } finally {
      scope.close();
      end(context, request, error);
    }
  }

  private void end(Context context, DbRequest request, Throwable error) {
    try {
      if (error != null) {
        SqlErrors.record(Span.fromContext(context), error);
      }
      instrumenter.end(context, request, null, null);
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
