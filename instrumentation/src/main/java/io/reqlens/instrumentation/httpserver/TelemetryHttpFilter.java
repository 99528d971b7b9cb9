package io.reqlens.instrumentation.httpserver;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;
import io.reqlens.instrumentation.internal.InstrumentationSupport;
import java.io.IOException;

/**
 * The {@code HttpServer} filter: one SERVER span per exchange, current while the handler runs,
 * ended when it returns or throws. The exception reaches the server unchanged.
 */
final class TelemetryHttpFilter extends Filter {

  private final Instrumenter<JdkExchange, JdkExchange> instrumenter;

  TelemetryHttpFilter(Instrumenter<JdkExchange, JdkExchange> instrumenter) {
    this.instrumenter = instrumenter;
  }

  @Override
  public void doFilter(HttpExchange httpExchange, Chain chain) throws IOException {
    JdkExchange exchange = null;
    Context context = null;
    try {
      Context parent = Context.current();
      exchange = new JdkExchange(httpExchange);
      if (instrumenter.shouldStart(parent, exchange)) {
        context = instrumenter.start(parent, exchange);
        exchange.countBodies();
      }
    } catch (RuntimeException | LinkageError e) {
      InstrumentationSupport.failed("start an HttpServer span", e);
    }
    if (context == null) {
      chain.doFilter(httpExchange);
      return;
    }
    Throwable error = null;
    Scope scope = context.makeCurrent();
    try {
      chain.doFilter(httpExchange);
    } catch (Throwable t) {
      error = t;
      throw t;
    } finally {
      scope.close();
      end(context, exchange, error);
    }
  }

  private void end(Context context, JdkExchange exchange, Throwable error) {
    try {
      instrumenter.end(context, exchange, exchange, error);
    } catch (RuntimeException | LinkageError e) {
      InstrumentationSupport.failed("end an HttpServer span", e);
    }
  }

  @Override
  public String description() {
    return "Reqlens HttpServer tracing filter";
  }
}
