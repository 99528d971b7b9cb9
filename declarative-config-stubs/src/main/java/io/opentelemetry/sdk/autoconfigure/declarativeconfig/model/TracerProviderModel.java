package io.opentelemetry.sdk.autoconfigure.declarativeconfig.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Stub of the 1.67 model class ({@code tracer_provider}). */
public class TracerProviderModel {

  private List<SpanProcessorModel> processors;
  private SamplerModel sampler;

  public List<SpanProcessorModel> getProcessors() {
    return processors;
  }

  public TracerProviderModel setProcessors(List<SpanProcessorModel> processors) {
    this.processors = processors;
    return this;
  }

  public SamplerModel getSampler() {
    return sampler;
  }

  public TracerProviderModel setSampler(SamplerModel sampler) {
    this.sampler = sampler;
    return this;
  }

  private final Map<String, Object> extensionProperties = new LinkedHashMap<>();

  public Map<String, Object> getExtensionProperties() {
    return extensionProperties;
  }

  public TracerProviderModel setExtensionProperty(String name, Object value) {
    extensionProperties.put(name, value);
    return this;
  }
}
