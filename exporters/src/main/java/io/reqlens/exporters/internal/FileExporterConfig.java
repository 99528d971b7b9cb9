package io.reqlens.exporters.internal;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.reqlens.core.config.ConfigSupport;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;

/**
 * The keys both file exporters share, read strictly ({@code otel.exporter.<name>.directory}, {@code
 * .rotate.bytes}, {@code .rotate.interval}, {@code .retain.bytes}; as environment variables {@code
 * OTEL_EXPORTER_<NAME>_DIRECTORY} and so on). An invalid value throws {@code
 * ConfigurationException} naming the key, the value and what is accepted.
 *
 * <p>This class is internal and is not intended for public use; it may change at any time.
 */
final class FileExporterConfig {

  final Path directory;
  final long rotateBytes;
  final Duration rotateInterval;
  final long retainBytes;

  private FileExporterConfig(
      Path directory, long rotateBytes, Duration rotateInterval, long retainBytes) {
    this.directory = directory;
    this.rotateBytes = rotateBytes;
    this.rotateInterval = rotateInterval;
    this.retainBytes = retainBytes;
  }

  static FileExporterConfig read(
      ConfigProperties config,
      String name,
      String defaultDirectory,
      long defaultRotateBytes,
      long defaultRotateIntervalSeconds,
      long defaultRetainBytes) {
    String prefix = "otel.exporter." + name + ".";
    String dirKey = prefix + "directory";
    String dir = ConfigSupport.string(config, dirKey);
    Path directory;
    try {
      directory = Paths.get(dir == null ? defaultDirectory : dir);
    } catch (RuntimeException e) {
      throw ConfigSupport.invalid(dirKey, dir, "not a usable path; accepted: a folder path");
    }
    return new FileExporterConfig(
        directory,
        ConfigSupport.bytes(config, prefix + "rotate.bytes", defaultRotateBytes),
        ConfigSupport.duration(
            config, prefix + "rotate.interval", Duration.ofSeconds(defaultRotateIntervalSeconds)),
        ConfigSupport.bytes(config, prefix + "retain.bytes", defaultRetainBytes));
  }
}
