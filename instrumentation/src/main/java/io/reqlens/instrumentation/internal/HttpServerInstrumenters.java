package io.reqlens.instrumentation.internal;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.instrumentation.api.instrumenter.Instrumenter;
import io.opentelemetry.instrumentation.api.semconv.http.HttpServerAttributesExtractor;
import io.opentelemetry.instrumentation.api.semconv.http.HttpServerAttributesGetter;
import io.opentelemetry.instrumentation.api.semconv.http.HttpServerRoute;
import io.opentelemetry.instrumentation.api.semconv.http.HttpSpanNameExtractor;
import io.opentelemetry.instrumentation.api.semconv.http.HttpSpanStatusExtractor;
import java.util.Set;

/**
 * Builds the SERVER instrumenter both HTTP adapters use, entirely from the stable
 * instrumentation-api extractors: the adapters only implement getters.
 *
 * <p>This class is internal and is hence not for public use. Its API is unstable and can change at
 * any time.
 *
 * <p>This class is internal and is not intended for public use; it may change at any time.
 */
public final class HttpServerInstrumenters {

  private HttpServerInstrumenters() {}

  /**
   * The instrumenter: span name {@code METHOD route}, HTTP/url/server/client/network attributes at
   * start (what the sampler sees), status from the response code, W3C (or whatever propagators
   * {@code openTelemetry} has) extraction, {@code http.route} updatable during the request, and the
   * body sizes at the end. No header is ever captured.
   */
  public static <E> Instrumenter<E, E> create(
      OpenTelemetry openTelemetry,
      String instrumentationName,
      HttpServerAttributesGetter<E, E> getter,
      TextMapGetter<E> headers,
      BodySizeExtractor.Getter<E> bodySizes,
      Set<String> knownMethods) {
    return Instrumenter.<E, E>builder(
            openTelemetry,
            instrumentationName,
            HttpSpanNameExtractor.builder(getter).setKnownMethods(knownMethods).build())
        .setInstrumentationVersion(InstrumentationSupport.version())
        .setSpanStatusExtractor(HttpSpanStatusExtractor.create(getter))
        .addAttributesExtractor(
            HttpServerAttributesExtractor.builder(getter).setKnownMethods(knownMethods).build())
        .addAttributesExtractor(new BodySizeExtractor<>(bodySizes))
        .addContextCustomizer(HttpServerRoute.builder(getter).setKnownMethods(knownMethods).build())
        .buildServerInstrumenter(headers);
  }
}
