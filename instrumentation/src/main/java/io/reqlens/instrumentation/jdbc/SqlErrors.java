package io.reqlens.instrumentation.jdbc;

import static io.reqlens.core.semconv.SemConv.ERROR_TYPE;
import static io.reqlens.core.semconv.SemConv.EXCEPTION_STACKTRACE;
import static io.reqlens.core.semconv.SemConv.EXCEPTION_TYPE;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Records a failed statement on its span without the exception's message.
 *
 * <p>Why not {@code Span.recordException}? Driver messages quote the statement and its values: H2
 * appends the whole SQL text ({@code …; SQL statement: SELECT … WHERE x = 'secret'}), and
 * PostgreSQL's details name the offending key values. So the event carries {@code exception.type}
 * and a stack trace of class names and frames only, and {@code error.type} is the vendor error code
 * (as the agent writes it) or the exception class.
 */
final class SqlErrors {

  private static final int MAX_CAUSES = 8;

  private SqlErrors() {}

  static void record(Span span, Throwable error) {
    span.setStatus(StatusCode.ERROR);
    span.setAttribute(ERROR_TYPE, errorType(error));
    span.addEvent(
        "exception",
        Attributes.of(
            EXCEPTION_TYPE, error.getClass().getName(), EXCEPTION_STACKTRACE, stackTrace(error)));
  }

  static String errorType(Throwable error) {
    if (error instanceof SQLException && ((SQLException) error).getErrorCode() != 0) {
      return Integer.toString(((SQLException) error).getErrorCode());
    }
    return error.getClass().getName();
  }

  /** Like {@link Throwable#printStackTrace()}, but with every message left out. */
  static String stackTrace(Throwable error) {
    StringBuilder out = new StringBuilder(1024);
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Throwable current = error;
    for (int depth = 0; current != null && depth < MAX_CAUSES && seen.add(current); depth++) {
      if (depth > 0) {
        out.append("Caused by: ");
      }
      out.append(current.getClass().getName()).append('\n');
      for (StackTraceElement frame : current.getStackTrace()) {
        out.append("\tat ").append(frame).append('\n');
      }
      current = current.getCause();
    }
    return out.toString();
  }
}
