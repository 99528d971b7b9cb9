package io.reqlens.exporters;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;

/**
 * Writes request-profile events ({@code REQ}, {@code REQ_META}, {@code DB}, {@code FN}; schema in
 * DESIGN.md and the module README) to rotating files {@code events-*.jsonl}. Selected by {@code
 * OTEL_TRACES_EXPORTER=req}.
 *
 * <p>Never throws from {@link #export}: a batch that cannot be written is counted, logged at most
 * once a minute and reported as a failed result; writing resumes when the folder is usable again.
 * SQL is sanitized again on write, so no literal reaches a file.
 */
public final class ReqEventExporter implements SpanExporter {

  static final String PREFIX = "events";

  private final FileExport export;
  private final String description;

  ReqEventExporter(FileSettings settings) {
    this.export = new FileExport(new ReqEventEncoder(settings.clock), settings, PREFIX);
    this.description = "ReqEventExporter{" + settings.describe() + "}";
  }

  /** Returns a builder with the defaults documented on {@link ReqEventExporterBuilder}. */
  public static ReqEventExporterBuilder builder() {
    return new ReqEventExporterBuilder();
  }

  @Override
  public CompletableResultCode export(Collection<SpanData> spans) {
    return export.export(spans);
  }

  /**
   * Writes exceptions held back longer than their hold time while waiting for their server span
   * (see the README); everything else already went to the OS on export.
   */
  @Override
  public CompletableResultCode flush() {
    return export.flushPending(false)
        ? CompletableResultCode.ofSuccess()
        : CompletableResultCode.ofFailure();
  }

  /** Writes every held exception, closes the active file; a second call does nothing. */
  @Override
  public CompletableResultCode shutdown() {
    return export.shutdown();
  }

  FileExport fileExport() {
    return export;
  }

  /** The effective configuration, e.g. {@code ReqEventExporter{directory=reqlens-data, ...}}. */
  @Override
  public String toString() {
    return description;
  }
}
