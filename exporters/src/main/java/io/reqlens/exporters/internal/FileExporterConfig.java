package io.reqlens.exporters.internal;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.reqlens.core.config.ConfigSupport;
import io.reqlens.exporters.FileExporterBuilder;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;

/**
 * The keys both file exporters share, read strictly ({@code otel.exporter.<name>.directory}, {@code
 * .rotate.bytes}, {@code .rotate.interval}, {@code .retain.bytes}; as environment variables {@code
 * OTEL_EXPORTER_<NAME>_DIRECTORY} and so on). An invalid value throws {@code
 * ConfigurationException} naming the key, the value and what is accepted.
 *
 * <p>The folder is the exporter's own key, else {@value #SHARED_DIRECTORY} (one key for both
 * exporters), else {@value FileExporterBuilder#DEFAULT_DIRECTORY}.
 *
 * <p>This class is internal and is not intended for public use; it may change at any time.
 */
final class FileExporterConfig {

  /** The folder of both file exporters when their own directory key is unset. */
  static final String SHARED_DIRECTORY = "otel.reqlens.directory";

  private final Path directory;
  private final long rotateBytes;
  private final Duration rotateInterval;
  private final long retainBytes;

  private FileExporterConfig(
      Path directory, long rotateBytes, Duration rotateInterval, long retainBytes) {
    this.directory = directory;
    this.rotateBytes = rotateBytes;
    this.rotateInterval = rotateInterval;
    this.retainBytes = retainBytes;
  }

  static FileExporterConfig read(ConfigProperties config, String name) {
    String prefix = "otel.exporter." + name + ".";
    return new FileExporterConfig(
        directory(config, prefix + "directory"),
        ConfigSupport.bytes(
            config, prefix + "rotate.bytes", FileExporterBuilder.DEFAULT_ROTATE_BYTES),
        ConfigSupport.duration(
            config,
            prefix + "rotate.interval",
            Duration.ofSeconds(FileExporterBuilder.DEFAULT_ROTATE_INTERVAL_SECONDS)),
        ConfigSupport.bytes(
            config, prefix + "retain.bytes", FileExporterBuilder.DEFAULT_RETAIN_BYTES));
  }

  /** Sets the folder, rotation and retention on {@code builder}. */
  <B extends FileExporterBuilder<B>> B configure(B builder) {
    return builder
        .setDirectory(directory)
        .setRotateBytes(rotateBytes)
        .setRotateInterval(rotateInterval)
        .setRetainBytes(retainBytes);
  }

  private static Path directory(ConfigProperties config, String ownKey) {
    String key = ownKey;
    String dir = ConfigSupport.string(config, key);
    if (dir == null) {
      key = SHARED_DIRECTORY;
      dir = ConfigSupport.string(config, key);
    }
    try {
      return Paths.get(dir == null ? FileExporterBuilder.DEFAULT_DIRECTORY : dir);
    } catch (RuntimeException e) {
      throw ConfigSupport.invalid(key, dir, "not a usable path; accepted: a folder path");
    }
  }
}
