package io.reqlens.instrumentation.servlet;

import io.opentelemetry.api.OpenTelemetry;
import io.reqlens.instrumentation.internal.HttpServerInstrumenters;
import io.reqlens.instrumentation.internal.KnownMethods;
import java.util.Collection;
import java.util.Set;

/** Builds a {@link ServletTelemetry}. */
public final class ServletTelemetryBuilder {

  /** The instrumentation scope name of the servlet spans: {@value}. */
  public static final String INSTRUMENTATION_NAME = "io.reqlens.instrumentation.servlet";

  private final OpenTelemetry openTelemetry;
  private Set<String> knownMethods = KnownMethods.DEFAULT;

  ServletTelemetryBuilder(OpenTelemetry openTelemetry) {
    this.openTelemetry = openTelemetry;
  }

  /**
   * Sets the HTTP methods reported as themselves; others become {@code _OTHER}. Default: the RFC
   * 9110 methods plus PATCH.
   *
   * @throws IllegalArgumentException for an empty collection or a method not in upper case
   */
  public ServletTelemetryBuilder setKnownMethods(Collection<String> knownMethods) {
    this.knownMethods = KnownMethods.validate(knownMethods);
    return this;
  }

  public ServletTelemetry build() {
    ServletAttributesGetter getter = ServletAttributesGetter.INSTANCE;
    return new ServletTelemetry(
        HttpServerInstrumenters.create(
            openTelemetry, INSTRUMENTATION_NAME, getter, getter, getter, knownMethods));
  }
}
