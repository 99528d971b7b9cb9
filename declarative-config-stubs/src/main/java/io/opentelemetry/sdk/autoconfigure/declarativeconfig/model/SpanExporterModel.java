package io.opentelemetry.sdk.autoconfigure.declarativeconfig.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stub of the 1.67 model class; exporters other than the built-in ones are extension properties.
 */
public class SpanExporterModel {

  private final Map<String, Object> extensionProperties = new LinkedHashMap<>();

  public Map<String, Object> getExtensionProperties() {
    return extensionProperties;
  }

  public SpanExporterModel setExtensionProperty(String name, Object value) {
    extensionProperties.put(name, value);
    return this;
  }
}
