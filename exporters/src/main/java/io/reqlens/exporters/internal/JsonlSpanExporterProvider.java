package io.reqlens.exporters.internal;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.traces.ConfigurableSpanExporterProvider;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.reqlens.core.config.ConfigSource;

/**
 * Registers {@code OTEL_TRACES_EXPORTER=jsonl} with SDK autoconfigure and the Java agent; keys in
 * {@link FileExporterSettings#JSONL}.
 *
 * <p>This class is internal and is not intended for public use; it may change at any time.
 */
public final class JsonlSpanExporterProvider implements ConfigurableSpanExporterProvider {

  @Override
  public SpanExporter createExporter(ConfigProperties config) {
    return FileExporterSettings.jsonl(ConfigSource.env(config));
  }

  @Override
  public String getName() {
    return FileExporterSettings.JSONL.name();
  }
}
