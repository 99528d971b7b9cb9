package io.reqlens.instrumentation.httpserver;

import com.sun.net.httpserver.Filter;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;
import io.opentelemetry.instrumentation.api.semconv.http.HttpServerRoute;
import io.opentelemetry.instrumentation.api.semconv.http.HttpServerRouteSource;
import io.reqlens.instrumentation.internal.InstrumentationSupport;
import java.util.Objects;

/**
 * Instrumentation of the JDK's {@code com.sun.net.httpserver.HttpServer} without the agent: a
 * {@link Filter} to add to each {@code HttpContext}, making every exchange a SERVER span with the
 * stable HTTP semantic conventions.
 *
 * <pre>{@code
 * Filter tracing = HttpServerTelemetry.create(openTelemetry).createFilter();
 * server.createContext("/api", handler).getFilters().add(tracing);
 * }</pre>
 *
 * <p>Attributes are those of {@code ServletTelemetry}; {@code http.route} is the context's path
 * unless the handler sets a better one with {@link #setRoute(String)}.
 */
public final class HttpServerTelemetry {

  private final Instrumenter<JdkExchange, JdkExchange> instrumenter;

  HttpServerTelemetry(Instrumenter<JdkExchange, JdkExchange> instrumenter) {
    this.instrumenter = instrumenter;
  }

  /** A telemetry with the defaults of {@link HttpServerTelemetryBuilder}. */
  public static HttpServerTelemetry create(OpenTelemetry openTelemetry) {
    return builder(openTelemetry).build();
  }

  public static HttpServerTelemetryBuilder builder(OpenTelemetry openTelemetry) {
    return new HttpServerTelemetryBuilder(Objects.requireNonNull(openTelemetry, "openTelemetry"));
  }

  /** The filter; add it first to every context (it can be shared). */
  public Filter createFilter() {
    return new TelemetryHttpFilter(instrumenter);
  }

  /**
   * Sets {@code http.route} (and the span name) of the current exchange's SERVER span to a route
   * template such as {@code /api/users/{id}}. Call it from the handler's thread (or wherever the
   * exchange's context is current). The first call wins; never throws.
   */
  public static void setRoute(String route) {
    try {
      HttpServerRoute.update(Context.current(), HttpServerRouteSource.CONTROLLER, route);
    } catch (RuntimeException e) {
      InstrumentationSupport.failed("set the route", e);
    }
  }
}
