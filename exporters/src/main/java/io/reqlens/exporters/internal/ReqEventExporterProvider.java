package io.reqlens.exporters.internal;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.traces.ConfigurableSpanExporterProvider;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.reqlens.exporters.ReqEventExporter;

/**
 * Registers {@code OTEL_TRACES_EXPORTER=req} with SDK autoconfigure and the Java agent.
 *
 * <p>This class is internal and is not intended for public use; it may change at any time.
 */
public final class ReqEventExporterProvider implements ConfigurableSpanExporterProvider {

  @Override
  public SpanExporter createExporter(ConfigProperties config) {
    return FileExporterConfig.read(config, "req").configure(ReqEventExporter.builder()).build();
  }

  @Override
  public String getName() {
    return "req";
  }
}
