package io.opentelemetry.sdk.autoconfigure.declarativeconfig;

import io.opentelemetry.sdk.autoconfigure.declarativeconfig.model.OpenTelemetryConfigurationModel;
import java.util.function.Function;

/** Stub of the 1.67 customizer; only the method Reqlens calls. */
public interface DeclarativeConfigurationCustomizer {

  void addModelCustomizer(
      Function<OpenTelemetryConfigurationModel, OpenTelemetryConfigurationModel> customizer);
}
