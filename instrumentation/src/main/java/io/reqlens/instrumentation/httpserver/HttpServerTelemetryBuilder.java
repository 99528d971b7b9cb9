package io.reqlens.instrumentation.httpserver;

import io.opentelemetry.api.OpenTelemetry;
import io.reqlens.instrumentation.internal.HttpServerInstrumenters;
import io.reqlens.instrumentation.internal.KnownMethods;
import java.util.Collection;
import java.util.Set;

/** Builds an {@link HttpServerTelemetry}. */
public final class HttpServerTelemetryBuilder {

  /** The instrumentation scope name of the HttpServer spans: {@value}. */
  public static final String INSTRUMENTATION_NAME = "io.reqlens.instrumentation.httpserver";

  private final OpenTelemetry openTelemetry;
  private Set<String> knownMethods = KnownMethods.DEFAULT;

  HttpServerTelemetryBuilder(OpenTelemetry openTelemetry) {
    this.openTelemetry = openTelemetry;
  }

  /**
   * Sets the HTTP methods reported as themselves; others become {@code _OTHER}. Default: the RFC
   * 9110 methods plus PATCH.
   *
   * @throws IllegalArgumentException for an empty collection or a method not in upper case
   */
  public HttpServerTelemetryBuilder setKnownMethods(Collection<String> knownMethods) {
    this.knownMethods = KnownMethods.validate(knownMethods);
    return this;
  }

  public HttpServerTelemetry build() {
    JdkServerAttributesGetter getter = JdkServerAttributesGetter.INSTANCE;
    return new HttpServerTelemetry(
        HttpServerInstrumenters.create(
            openTelemetry, INSTRUMENTATION_NAME, getter, getter, getter, knownMethods));
  }
}
