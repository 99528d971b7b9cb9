package io.opentelemetry.sdk.autoconfigure.declarativeconfig.model;

import java.util.LinkedHashMap;
import java.util.Map;

/** Stub of the 1.67 model class (the file's root). */
public class OpenTelemetryConfigurationModel {

  private TracerProviderModel tracerProvider;

  public TracerProviderModel getTracerProvider() {
    return tracerProvider;
  }

  public OpenTelemetryConfigurationModel setTracerProvider(TracerProviderModel tracerProvider) {
    this.tracerProvider = tracerProvider;
    return this;
  }

  private final Map<String, Object> extensionProperties = new LinkedHashMap<>();

  public Map<String, Object> getExtensionProperties() {
    return extensionProperties;
  }

  public OpenTelemetryConfigurationModel setExtensionProperty(String name, Object value) {
    extensionProperties.put(name, value);
    return this;
  }
}
