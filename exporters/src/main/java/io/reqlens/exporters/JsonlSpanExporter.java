package io.reqlens.exporters;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.Locale;

/**
 * Writes spans to rotating JSONL files {@code spans-*.jsonl}: {@link Format#OTLP} (one OTLP/JSON
 * {@code ExportTraceServiceRequest} per line, the OpenTelemetry file-exporter format) or {@link
 * Format#FLAT} (one span per line, for {@code jq}). Selected by {@code OTEL_TRACES_EXPORTER=jsonl}.
 *
 * <p>Never throws from {@link #export}: a batch that cannot be written is counted, logged at most
 * once a minute and reported as a failed result; writing resumes when the folder is usable again.
 */
public final class JsonlSpanExporter implements SpanExporter {

  /** The line format. */
  public enum Format {
    /**
     * One OTLP/JSON {@code ExportTraceServiceRequest} per line (what {@code otlpjsonfile} reads).
     */
    OTLP,
    /** One span per line with resource attributes folded in. */
    FLAT;

    /** {@code otlp} or {@code flat}, as in {@code OTEL_EXPORTER_JSONL_FORMAT}. */
    public String configValue() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  static final String PREFIX = "spans";

  private final FileExport export;
  private final String description;

  JsonlSpanExporter(FileSettings settings, Format format) {
    SpanEncoder encoder = format == Format.OTLP ? new OtlpJsonEncoder() : new FlatJsonEncoder();
    this.export = new FileExport(encoder, settings, PREFIX);
    this.description =
        "JsonlSpanExporter{format=" + format.configValue() + ", " + settings.describe() + "}";
  }

  /** Returns a builder with the defaults documented on {@link JsonlSpanExporterBuilder}. */
  public static JsonlSpanExporterBuilder builder() {
    return new JsonlSpanExporterBuilder();
  }

  @Override
  public CompletableResultCode export(Collection<SpanData> spans) {
    return export.export(spans);
  }

  /** Lines go to the OS on every export; there is nothing buffered to flush. */
  @Override
  public CompletableResultCode flush() {
    return CompletableResultCode.ofSuccess();
  }

  /** Closes the active file (renamed to a closed name); a second call does nothing. */
  @Override
  public CompletableResultCode shutdown() {
    return export.shutdown();
  }

  FileExport fileExport() {
    return export;
  }

  /** The effective configuration, e.g. {@code JsonlSpanExporter{format=otlp, directory=...}}. */
  @Override
  public String toString() {
    return description;
  }
}
