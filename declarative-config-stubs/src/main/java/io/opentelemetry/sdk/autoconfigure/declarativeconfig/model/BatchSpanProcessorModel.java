package io.opentelemetry.sdk.autoconfigure.declarativeconfig.model;

import java.util.LinkedHashMap;
import java.util.Map;

/** Stub of the 1.67 model class; only its exporter. */
public class BatchSpanProcessorModel {

  private SpanExporterModel exporter;

  public SpanExporterModel getExporter() {
    return exporter;
  }

  public BatchSpanProcessorModel setExporter(SpanExporterModel exporter) {
    this.exporter = exporter;
    return this;
  }

  private final Map<String, Object> extensionProperties = new LinkedHashMap<>();

  public Map<String, Object> getExtensionProperties() {
    return extensionProperties;
  }

  public BatchSpanProcessorModel setExtensionProperty(String name, Object value) {
    extensionProperties.put(name, value);
    return this;
  }
}
