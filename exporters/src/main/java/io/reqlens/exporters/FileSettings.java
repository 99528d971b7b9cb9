package io.reqlens.exporters;

import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.sdk.common.Clock;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/** Where and how a file exporter writes; validated by the setters (the builders delegate here). */
final class FileSettings {

  static final String DEFAULT_DIRECTORY = "reqlens-data";
  static final long DEFAULT_ROTATE_BYTES = 16L << 20;
  static final long DEFAULT_ROTATE_INTERVAL_SECONDS = 300;
  static final long DEFAULT_RETAIN_BYTES = 512L << 20;

  Path directory = Paths.get(DEFAULT_DIRECTORY);
  long rotateBytes = DEFAULT_ROTATE_BYTES;
  long rotateIntervalNanos = TimeUnit.SECONDS.toNanos(DEFAULT_ROTATE_INTERVAL_SECONDS);
  long retainBytes = DEFAULT_RETAIN_BYTES;
  Clock clock = Clock.getDefault();
  MeterProvider meterProvider; // null: the global one, once it is set
  Disk disk = Disk.REAL; // tests substitute a failing one

  void directory(Path directory) {
    this.directory = Objects.requireNonNull(directory, "directory");
  }

  void rotateBytes(long bytes) {
    this.rotateBytes = positive(bytes, "rotateBytes");
  }

  void rotateInterval(long amount, TimeUnit unit) {
    Objects.requireNonNull(unit, "unit");
    this.rotateIntervalNanos = positive(unit.toNanos(amount), "rotateInterval");
  }

  void retainBytes(long bytes) {
    this.retainBytes = positive(bytes, "retainBytes");
  }

  void clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  void meterProvider(MeterProvider meterProvider) {
    this.meterProvider = Objects.requireNonNull(meterProvider, "meterProvider");
  }

  RotatingFileWriter newWriter(String prefix) {
    return new RotatingFileWriter(
        directory,
        prefix,
        rotateBytes,
        rotateIntervalNanos,
        retainBytes,
        clock,
        disk,
        new ExportFailures(ExportFailures.exporterFor(prefix), meterProvider, clock));
  }

  /** {@code directory=reqlens-data, rotateBytes=16777216, rotateInterval=PT5M, retainBytes=...}. */
  String describe() {
    return "directory="
        + directory
        + ", rotateBytes="
        + rotateBytes
        + ", rotateInterval="
        + Duration.ofNanos(rotateIntervalNanos)
        + ", retainBytes="
        + retainBytes;
  }

  private static long positive(long value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
    return value;
  }
}
