package io.reqlens.examples;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Adds {@code traceresponse: 00-<trace-id>-<span-id>-<flags>} (W3C Trace Context level 2) from the
 * current span to every response, sampled or not, so a client can find its trace.
 *
 * <p>Why a servlet filter and not a Javalin {@code before} handler? It also covers static files and
 * 404s, and the agent's Javalin instrumentation takes {@code http.route} from the first Javalin
 * handler that runs, which would be a catch-all {@code before} handler.
 */
public final class TraceResponseFilter implements Filter {

  /** The response header name. */
  public static final String HEADER = "traceresponse";

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    SpanContext span = Span.current().getSpanContext();
    if (span.isValid() && response instanceof HttpServletResponse) {
      ((HttpServletResponse) response)
          .setHeader(
              HEADER,
              "00-"
                  + span.getTraceId()
                  + "-"
                  + span.getSpanId()
                  + "-"
                  + span.getTraceFlags().asHex());
    }
    chain.doFilter(request, response);
  }
}
