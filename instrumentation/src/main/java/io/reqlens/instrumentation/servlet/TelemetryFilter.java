package io.reqlens.instrumentation.servlet;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;
import io.reqlens.instrumentation.internal.InstrumentationSupport;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The servlet filter: one SERVER span per request, current while the chain runs, ended when the
 * response is done (on return, or at async completion). The chain gets the app's request and
 * response wrapped only to count bytes and to follow async; exceptions pass through unchanged.
 */
final class TelemetryFilter implements Filter {

  private final Instrumenter<ServletExchange, ServletExchange> instrumenter;

  TelemetryFilter(Instrumenter<ServletExchange, ServletExchange> instrumenter) {
    this.instrumenter = instrumenter;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (!(req instanceof HttpServletRequest) || !(res instanceof HttpServletResponse)) {
      chain.doFilter(req, res);
      return;
    }
    Object seen = req.getAttribute(ServletExchange.ATTRIBUTE);
    if (seen instanceof ServletExchange && ((ServletExchange) seen).context() != null) {
      // an ASYNC, FORWARD, INCLUDE or ERROR dispatch of a request we already trace
      Scope scope = ((ServletExchange) seen).context().makeCurrent();
      try {
        chain.doFilter(req, res);
      } finally {
        scope.close();
      }
      return;
    }
    ServletExchange exchange = start((HttpServletRequest) req, (HttpServletResponse) res);
    if (exchange == null) {
      chain.doFilter(req, res);
      return;
    }
    Throwable error = null;
    Scope scope = exchange.context().makeCurrent();
    try {
      chain.doFilter(exchange.tracedRequest(), exchange.tracedResponse());
    } catch (Throwable t) {
      error = t;
      throw t;
    } finally {
      scope.close();
      exchange.afterChain(error);
    }
  }

  /** Starts the span, or returns null when it should not (or cannot) be traced. */
  private ServletExchange start(HttpServletRequest request, HttpServletResponse response) {
    try {
      Context parent = Context.current();
      ServletExchange exchange = new ServletExchange(request, response);
      if (!instrumenter.shouldStart(parent, exchange)) {
        return null;
      }
      exchange.started(instrumenter, instrumenter.start(parent, exchange));
      request.setAttribute(ServletExchange.ATTRIBUTE, exchange);
      return exchange;
    } catch (RuntimeException | LinkageError e) {
      InstrumentationSupport.failed("start a servlet span", e);
      return null;
    }
  }

  @Override
  public String toString() {
    return "ReqlensServletFilter";
  }
}
