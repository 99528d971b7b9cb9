package io.reqlens.exporters.internal;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.traces.ConfigurableSpanExporterProvider;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.reqlens.core.config.ConfigSupport;
import io.reqlens.exporters.JsonlSpanExporter;
import java.util.Locale;

/**
 * Registers {@code OTEL_TRACES_EXPORTER=jsonl} with SDK autoconfigure and the Java agent.
 *
 * <p>This class is internal and is not intended for public use; it may change at any time.
 */
public final class JsonlSpanExporterProvider implements ConfigurableSpanExporterProvider {

  static final String FORMAT_KEY = "otel.exporter.jsonl.format";

  @Override
  public SpanExporter createExporter(ConfigProperties config) {
    return FileExporterConfig.read(config, "jsonl")
        .configure(JsonlSpanExporter.builder())
        .setFormat(format(config))
        .build();
  }

  static JsonlSpanExporter.Format format(ConfigProperties config) {
    String value = ConfigSupport.string(config, FORMAT_KEY);
    if (value == null) {
      return JsonlSpanExporter.Format.OTLP;
    }
    switch (value.toLowerCase(Locale.ROOT)) {
      case "otlp":
        return JsonlSpanExporter.Format.OTLP;
      case "flat":
        return JsonlSpanExporter.Format.FLAT;
      default:
        throw ConfigSupport.invalid(FORMAT_KEY, value, "accepted: otlp or flat");
    }
  }

  @Override
  public String getName() {
    return "jsonl";
  }
}
