package io.reqlens.exporters.internal;

import io.reqlens.core.config.ConfigSource;
import io.reqlens.core.config.Parsers;
import io.reqlens.core.config.Setting;
import io.reqlens.exporters.JsonlSpanExporter;
import io.reqlens.exporters.JsonlSpanExporterBuilder;
import io.reqlens.exporters.ReqEventExporter;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The keys of the file exporters {@code jsonl} and {@code req}, each declared once as a {@link
 * Setting} (YAML property, environment key, parser, default, description). The environment ({@code
 * OTEL_EXPORTER_JSONL_ROTATE_BYTES}) and a configuration file ({@code jsonl: {rotate_bytes: ..}})
 * read the same table. To add a key: declare it in the constructor, list it in {@link #all}, apply
 * it in {@link #jsonl} / {@link #req}.
 *
 * <p>This class is internal and is not intended for public use; it may change at any time.
 */
public final class FileExporterSettings {

  /**
   * The folder of both file exporters when their own {@code directory} key is unset: one key to put
   * everything in one folder. Environment only (a configuration file names each exporter's folder).
   */
  public static final Setting<Path> SHARED_DIRECTORY =
      Setting.of(
          "reqlens_directory",
          "otel.reqlens.directory",
          Parsers.writableFolder(),
          Paths.get(JsonlSpanExporterBuilder.DEFAULT_DIRECTORY),
          "folder of both file exporters when their own directory key is unset");

  /** The {@code jsonl} exporter's keys ({@code otel.exporter.jsonl.*}). */
  public static final FileExporterSettings JSONL = new FileExporterSettings("jsonl");

  /** The {@code req} exporter's keys ({@code otel.exporter.req.*}). */
  public static final FileExporterSettings REQ = new FileExporterSettings("req");

  public final Setting<Path> directory;
  public final Setting<Long> rotateBytes;
  public final Setting<Duration> rotateInterval;
  public final Setting<Long> retainBytes;

  /** Only {@code jsonl} has a format. */
  public final Setting<String> format;

  private final String name;

  private FileExporterSettings(String name) {
    this.name = name;
    String prefix = "otel.exporter." + name + ".";
    directory =
        Setting.of(
            "directory",
            prefix + "directory",
            Parsers.writableFolder(),
            Paths.get(JsonlSpanExporterBuilder.DEFAULT_DIRECTORY),
            "folder, created 0700");
    rotateBytes =
        Setting.of(
            "rotate_bytes",
            prefix + "rotate.bytes",
            Parsers.positiveBytes(),
            JsonlSpanExporterBuilder.DEFAULT_ROTATE_BYTES,
            "rotate the active file before it would pass this size");
    rotateInterval =
        Setting.of(
            "rotate_interval",
            prefix + "rotate.interval",
            Parsers.positiveDuration(),
            Duration.ofSeconds(JsonlSpanExporterBuilder.DEFAULT_ROTATE_INTERVAL_SECONDS),
            "and at least this often");
    retainBytes =
        Setting.of(
            "retain_bytes",
            prefix + "retain.bytes",
            Parsers.positiveBytes(),
            JsonlSpanExporterBuilder.DEFAULT_RETAIN_BYTES,
            "delete the oldest closed files beyond this total");
    format =
        Setting.of(
            "format",
            prefix + "format",
            Parsers.oneOf("otlp", "flat"),
            "otlp",
            "otlp: one OTLP/JSON request per line; flat: one span per line");
  }

  /** The exporter's name in {@code OTEL_TRACES_EXPORTER} and in a configuration file. */
  public String name() {
    return name;
  }

  /** Every key of this exporter. */
  public List<Setting<?>> all() {
    List<Setting<?>> all = new ArrayList<>(List.of(directory, rotateBytes, rotateInterval));
    all.add(retainBytes);
    if (this == JSONL) {
      all.add(format);
    }
    return Collections.unmodifiableList(all);
  }

  /** Builds the {@code jsonl} exporter from {@code source}. */
  static JsonlSpanExporter jsonl(ConfigSource source) {
    FileExporterSettings s = JSONL;
    return JsonlSpanExporter.builder()
        .setFormat(
            source.get(s.format).equals("flat")
                ? JsonlSpanExporter.Format.FLAT
                : JsonlSpanExporter.Format.OTLP)
        .setDirectory(source.get(s.directory, SHARED_DIRECTORY))
        .setRotateBytes(source.get(s.rotateBytes))
        .setRotateInterval(source.get(s.rotateInterval))
        .setRetainBytes(source.get(s.retainBytes))
        .build();
  }

  /** Builds the {@code req} exporter from {@code source}. */
  static ReqEventExporter req(ConfigSource source) {
    FileExporterSettings s = REQ;
    return ReqEventExporter.builder()
        .setDirectory(source.get(s.directory, SHARED_DIRECTORY))
        .setRotateBytes(source.get(s.rotateBytes))
        .setRotateInterval(source.get(s.rotateInterval))
        .setRetainBytes(source.get(s.retainBytes))
        .build();
  }
}
