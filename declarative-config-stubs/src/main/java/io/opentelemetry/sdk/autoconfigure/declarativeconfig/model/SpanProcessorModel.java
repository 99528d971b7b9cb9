package io.opentelemetry.sdk.autoconfigure.declarativeconfig.model;

import java.util.LinkedHashMap;
import java.util.Map;

/** Stub of the 1.67 model class (one entry of {@code tracer_provider.processors}). */
public class SpanProcessorModel {

  private BatchSpanProcessorModel batch;
  private SimpleSpanProcessorModel simple;

  public BatchSpanProcessorModel getBatch() {
    return batch;
  }

  public SpanProcessorModel setBatch(BatchSpanProcessorModel batch) {
    this.batch = batch;
    return this;
  }

  public SimpleSpanProcessorModel getSimple() {
    return simple;
  }

  public SpanProcessorModel setSimple(SimpleSpanProcessorModel simple) {
    this.simple = simple;
    return this;
  }

  private final Map<String, Object> extensionProperties = new LinkedHashMap<>();

  public Map<String, Object> getExtensionProperties() {
    return extensionProperties;
  }

  public SpanProcessorModel setExtensionProperty(String name, Object value) {
    extensionProperties.put(name, value);
    return this;
  }
}
