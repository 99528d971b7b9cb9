package io.reqlens.instrumentation.servlet;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;
import io.opentelemetry.instrumentation.api.semconv.http.HttpServerRoute;
import io.opentelemetry.instrumentation.api.semconv.http.HttpServerRouteSource;
import io.reqlens.instrumentation.internal.InstrumentationSupport;
import jakarta.servlet.Filter;
import jakarta.servlet.ServletRequest;
import java.util.Objects;

/**
 * Servlet 6 (Jakarta) instrumentation without the agent: a {@link Filter} that makes every request
 * a SERVER span with the stable HTTP semantic conventions.
 *
 * <pre>{@code
 * ServletTelemetry telemetry = ServletTelemetry.create(openTelemetry);
 * context.addFilter(new FilterHolder(telemetry.createFilter()), "/*",
 *     EnumSet.of(DispatcherType.REQUEST));
 * }</pre>
 *
 * <p>At span start (so a sampler can use them): {@code http.request.method}, {@code url.path},
 * {@code url.scheme}, {@code server.address}, {@code server.port}, {@code client.address}, {@code
 * user_agent.original}, network attributes and {@code http.route} from the servlet mapping. At the
 * end: {@code http.response.status_code}, {@code http.request.body.size}, {@code
 * http.response.body.size}, {@code error.type} and the exception. Never: headers, cookies, the
 * query string, bodies.
 */
public final class ServletTelemetry {

  private final Instrumenter<ServletExchange, ServletExchange> instrumenter;

  ServletTelemetry(Instrumenter<ServletExchange, ServletExchange> instrumenter) {
    this.instrumenter = instrumenter;
  }

  /** A telemetry with the defaults of {@link ServletTelemetryBuilder}. */
  public static ServletTelemetry create(OpenTelemetry openTelemetry) {
    return builder(openTelemetry).build();
  }

  public static ServletTelemetryBuilder builder(OpenTelemetry openTelemetry) {
    return new ServletTelemetryBuilder(Objects.requireNonNull(openTelemetry, "openTelemetry"));
  }

  /**
   * The filter to register first, for the {@code REQUEST} dispatcher type, on {@code /*}. It can be
   * shared by several contexts.
   */
  public Filter createFilter() {
    return new TelemetryFilter(instrumenter);
  }

  /**
   * Sets {@code http.route} (and the span name, {@code METHOD route}) of the request's SERVER span
   * to a framework's route template, such as {@code /api/users/{id}}; more precise than the servlet
   * mapping the filter reports by itself. The first call for a request wins (as with the agent's
   * framework instrumentations); calls for untraced requests do nothing. Never throws.
   */
  public static void setRoute(ServletRequest request, String route) {
    try {
      Object exchange = request == null ? null : request.getAttribute(ServletExchange.ATTRIBUTE);
      Context context =
          exchange instanceof ServletExchange && ((ServletExchange) exchange).context() != null
              ? ((ServletExchange) exchange).context()
              : Context.current();
      HttpServerRoute.update(context, HttpServerRouteSource.CONTROLLER, route);
    } catch (RuntimeException e) {
      InstrumentationSupport.failed("set the route", e);
    }
  }
}
