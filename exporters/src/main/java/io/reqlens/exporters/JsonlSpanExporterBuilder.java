package io.reqlens.exporters;

import io.opentelemetry.sdk.common.Clock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Builds a {@link JsonlSpanExporter}. Defaults: folder {@value #DEFAULT_DIRECTORY}, format {@code
 * otlp}, rotation at {@value #DEFAULT_ROTATE_BYTES} bytes or every {@value
 * #DEFAULT_ROTATE_INTERVAL_SECONDS} s, closed files kept within {@value #DEFAULT_RETAIN_BYTES}
 * bytes.
 */
public final class JsonlSpanExporterBuilder {

  public static final String DEFAULT_DIRECTORY = FileSettings.DEFAULT_DIRECTORY;
  public static final long DEFAULT_ROTATE_BYTES = FileSettings.DEFAULT_ROTATE_BYTES;
  public static final long DEFAULT_ROTATE_INTERVAL_SECONDS =
      FileSettings.DEFAULT_ROTATE_INTERVAL_SECONDS;
  public static final long DEFAULT_RETAIN_BYTES = FileSettings.DEFAULT_RETAIN_BYTES;

  private final FileSettings settings = new FileSettings();
  private JsonlSpanExporter.Format format = JsonlSpanExporter.Format.OTLP;

  JsonlSpanExporterBuilder() {}

  /** The folder for {@code spans-*.jsonl}; created 0700 on first write when missing. */
  public JsonlSpanExporterBuilder setDirectory(Path directory) {
    settings.directory(directory);
    return this;
  }

  public JsonlSpanExporterBuilder setFormat(JsonlSpanExporter.Format format) {
    this.format = Objects.requireNonNull(format, "format");
    return this;
  }

  /** Closes the active file when the next line would take it past this size. */
  public JsonlSpanExporterBuilder setRotateBytes(long bytes) {
    settings.rotateBytes(bytes);
    return this;
  }

  /** Closes the active file this long after it was opened, even when idle. */
  public JsonlSpanExporterBuilder setRotateInterval(long amount, TimeUnit unit) {
    settings.rotateInterval(amount, unit);
    return this;
  }

  public JsonlSpanExporterBuilder setRotateInterval(Duration interval) {
    Objects.requireNonNull(interval, "interval");
    return setRotateInterval(interval.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Deletes the oldest closed {@code spans-*.jsonl} files beyond this total size. */
  public JsonlSpanExporterBuilder setRetainBytes(long bytes) {
    settings.retainBytes(bytes);
    return this;
  }

  /** The clock for rotation and file names; tests pass a controllable one. */
  public JsonlSpanExporterBuilder setClock(Clock clock) {
    settings.clock(clock);
    return this;
  }

  /** Repairs leftover active files of crashed writers in the folder, then starts. */
  public JsonlSpanExporter build() {
    return new JsonlSpanExporter(settings, format);
  }
}
