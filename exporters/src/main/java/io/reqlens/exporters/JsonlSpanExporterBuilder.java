package io.reqlens.exporters;

import java.util.Objects;

/**
 * Builds a {@link JsonlSpanExporter} writing {@code spans-*.jsonl}. Defaults: format {@code otlp},
 * and the folder, rotation and retention of {@link FileExporterBuilder}.
 */
public final class JsonlSpanExporterBuilder extends FileExporterBuilder<JsonlSpanExporterBuilder> {

  private JsonlSpanExporter.Format format = JsonlSpanExporter.Format.OTLP;

  JsonlSpanExporterBuilder() {}

  @Override
  JsonlSpanExporterBuilder self() {
    return this;
  }

  public JsonlSpanExporterBuilder setFormat(JsonlSpanExporter.Format format) {
    this.format = Objects.requireNonNull(format, "format");
    return this;
  }

  /** Repairs leftover active files of crashed writers in the folder, then starts. */
  public JsonlSpanExporter build() {
    return new JsonlSpanExporter(settings, format);
  }
}
