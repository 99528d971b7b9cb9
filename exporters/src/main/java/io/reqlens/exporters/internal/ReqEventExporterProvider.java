package io.reqlens.exporters.internal;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.traces.ConfigurableSpanExporterProvider;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.reqlens.exporters.ReqEventExporter;
import io.reqlens.exporters.ReqEventExporterBuilder;

/**
 * Registers {@code OTEL_TRACES_EXPORTER=req} with SDK autoconfigure and the Java agent.
 *
 * <p>This class is internal and is not intended for public use; it may change at any time.
 */
public final class ReqEventExporterProvider implements ConfigurableSpanExporterProvider {

  @Override
  public SpanExporter createExporter(ConfigProperties config) {
    FileExporterConfig files =
        FileExporterConfig.read(
            config,
            "req",
            ReqEventExporterBuilder.DEFAULT_DIRECTORY,
            ReqEventExporterBuilder.DEFAULT_ROTATE_BYTES,
            ReqEventExporterBuilder.DEFAULT_ROTATE_INTERVAL_SECONDS,
            ReqEventExporterBuilder.DEFAULT_RETAIN_BYTES);
    return ReqEventExporter.builder()
        .setDirectory(files.directory)
        .setRotateBytes(files.rotateBytes)
        .setRotateInterval(files.rotateInterval)
        .setRetainBytes(files.retainBytes)
        .build();
  }

  @Override
  public String getName() {
    return "req";
  }
}
