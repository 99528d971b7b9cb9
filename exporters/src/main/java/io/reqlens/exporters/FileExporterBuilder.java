package io.reqlens.exporters;

import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.sdk.common.Clock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * What the builders of both file exporters share: the folder, rotation, retention and clock.
 * Defaults: folder {@value #DEFAULT_DIRECTORY}, rotation at {@value #DEFAULT_ROTATE_BYTES} bytes or
 * every {@value #DEFAULT_ROTATE_INTERVAL_SECONDS} s, closed files kept within {@value
 * #DEFAULT_RETAIN_BYTES} bytes. Only {@link JsonlSpanExporterBuilder} and {@link
 * ReqEventExporterBuilder} extend it.
 *
 * @param <B> the concrete builder, returned by every setter
 */
public abstract class FileExporterBuilder<B extends FileExporterBuilder<B>> {

  public static final String DEFAULT_DIRECTORY = FileSettings.DEFAULT_DIRECTORY;
  public static final long DEFAULT_ROTATE_BYTES = FileSettings.DEFAULT_ROTATE_BYTES;
  public static final long DEFAULT_ROTATE_INTERVAL_SECONDS =
      FileSettings.DEFAULT_ROTATE_INTERVAL_SECONDS;
  public static final long DEFAULT_RETAIN_BYTES = FileSettings.DEFAULT_RETAIN_BYTES;

  final FileSettings settings = new FileSettings();

  FileExporterBuilder() {} // the two builders of this package only

  /** This builder, typed as its own class. */
  abstract B self();

  /** The folder for this exporter's files; created 0700 when missing. */
  public B setDirectory(Path directory) {
    settings.directory(directory);
    return self();
  }

  /** Closes the active file when the next line would take it past this size. */
  public B setRotateBytes(long bytes) {
    settings.rotateBytes(bytes);
    return self();
  }

  /** Closes the active file this long after it was opened, even when idle. */
  public B setRotateInterval(long amount, TimeUnit unit) {
    settings.rotateInterval(amount, unit);
    return self();
  }

  public B setRotateInterval(Duration interval) {
    Objects.requireNonNull(interval, "interval");
    return setRotateInterval(interval.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Deletes the oldest closed files of this exporter beyond this total size. */
  public B setRetainBytes(long bytes) {
    settings.retainBytes(bytes);
    return self();
  }

  /** The clock for rotation and file names; tests pass a controllable one. */
  public B setClock(Clock clock) {
    settings.clock(clock);
    return self();
  }

  /**
   * Publishes {@code reqlens.export.failures} here instead of on the global meter provider (which
   * is used, once set, by default).
   */
  public B setMeterProvider(MeterProvider meterProvider) {
    settings.meterProvider(meterProvider);
    return self();
  }

  /** Tests: file-system calls that fail like a full disk or a read-only folder. */
  B setDisk(Disk disk) {
    settings.disk = Objects.requireNonNull(disk, "disk");
    return self();
  }
}
