package io.reqlens.exporters;

/**
 * Builds a {@link ReqEventExporter} writing {@code events-*.jsonl}, with the folder, rotation and
 * retention of {@link FileExporterBuilder}.
 */
public final class ReqEventExporterBuilder extends FileExporterBuilder<ReqEventExporterBuilder> {

  ReqEventExporterBuilder() {}

  @Override
  ReqEventExporterBuilder self() {
    return this;
  }

  /** Repairs leftover active files of crashed writers in the folder, then starts. */
  public ReqEventExporter build() {
    return new ReqEventExporter(settings);
  }
}
