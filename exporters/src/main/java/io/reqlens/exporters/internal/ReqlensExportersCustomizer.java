package io.reqlens.exporters.internal;

import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizer;
import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizerProvider;
import java.util.Collections;
import java.util.Map;

/**
 * Turns on, as defaults, what the Java agent needs to fill the request events: {@value
 * #HTTP_SERVER_EXPERIMENTAL_TELEMETRY}{@code =true} makes the agent's HTTP server instrumentation
 * record {@code http.request.body.size} and {@code http.response.body.size} on server spans ({@code
 * bytes_in}, {@code bytes_out}). Properties suppliers rank below system properties and environment
 * variables, so a user's own setting ({@code
 * OTEL_INSTRUMENTATION_HTTP_SERVER_EMIT_EXPERIMENTAL_TELEMETRY=false}) wins.
 *
 * <p>This class is internal and is not intended for public use; it may change at any time.
 */
public final class ReqlensExportersCustomizer implements AutoConfigurationCustomizerProvider {

  static final String HTTP_SERVER_EXPERIMENTAL_TELEMETRY =
      "otel.instrumentation.http.server.emit-experimental-telemetry";

  /** The defaults added, for the README and tests. */
  public static Map<String, String> defaults() {
    return Collections.singletonMap(HTTP_SERVER_EXPERIMENTAL_TELEMETRY, "true");
  }

  @Override
  public void customize(AutoConfigurationCustomizer customizer) {
    customizer.addPropertiesSupplier(ReqlensExportersCustomizer::defaults);
  }
}
