package io.opentelemetry.sdk.autoconfigure.declarativeconfig.model;

import java.util.LinkedHashMap;
import java.util.Map;

/** Stub of the 1.67 model class ({@code tracer_provider.sampler}); components by name only. */
public class SamplerModel {

  private final Map<String, Object> extensionProperties = new LinkedHashMap<>();

  public Map<String, Object> getExtensionProperties() {
    return extensionProperties;
  }

  public SamplerModel setExtensionProperty(String name, Object value) {
    extensionProperties.put(name, value);
    return this;
  }
}
