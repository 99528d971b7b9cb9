package io.reqlens.exporters;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.api.metrics.ObservableLongCounter;
import io.opentelemetry.sdk.common.Clock;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Write failures of one file exporter, by reason, published as the metric {@code
 * reqlens.export.failures{exporter, reason}} beside the throttled log line.
 *
 * <p>Why registered lazily? The exporter is built while the SDK is being configured, before the
 * global {@code OpenTelemetry} exists; asking for it then would install a no-op for good (the same
 * reason as the local-trace processor's counters). So failures are counted in {@link LongAdder}s
 * from the start, and the observable counter that reads them is registered the first time the
 * writer is used after {@link GlobalOpenTelemetry#isSet()} (asked at most once a second).
 */
final class ExportFailures {

  /** Why a write failed, as the {@code reason} attribute. */
  enum Reason {
    DISK_FULL,
    PERMISSION,
    MISSING_FOLDER,
    OTHER;

    final String value = name().toLowerCase(Locale.ROOT);
  }

  static final AttributeKey<String> EXPORTER = AttributeKey.stringKey("exporter");
  static final AttributeKey<String> REASON = AttributeKey.stringKey("reason");
  private static final long REGISTER_CHECK_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final String exporter;
  private final LongAdder[] counts = new LongAdder[Reason.values().length];
  private final Attributes[] attributes = new Attributes[Reason.values().length];
  private final MeterProvider explicitProvider;
  private final Clock clock;
  private final AtomicBoolean registered = new AtomicBoolean();
  private volatile long nextRegisterCheckNanos;
  private volatile ObservableLongCounter instrument;

  ExportFailures(String exporter, MeterProvider meterProvider, Clock clock) {
    this.exporter = exporter;
    this.explicitProvider = meterProvider;
    this.clock = clock;
    this.nextRegisterCheckNanos = clock.nanoTime();
    for (Reason r : Reason.values()) {
      counts[r.ordinal()] = new LongAdder();
      attributes[r.ordinal()] = Attributes.of(EXPORTER, exporter, REASON, r.value);
    }
    if (meterProvider != null) {
      register(meterProvider);
    }
  }

  /** The exporter name ({@code jsonl}, {@code req}) for a file prefix. */
  static String exporterFor(String prefix) {
    return prefix.equals(ReqEventExporter.PREFIX) ? "req" : "jsonl";
  }

  /** Counts one failure; returns its reason. */
  Reason record(Throwable e) {
    Reason r = reason(e);
    counts[r.ordinal()].increment();
    maybeRegister();
    return r;
  }

  long count(Reason r) {
    return counts[r.ordinal()].sum();
  }

  long total() {
    long n = 0;
    for (LongAdder a : counts) {
      n += a.sum();
    }
    return n;
  }

  /** Classifies an I/O failure by what the user must do about it. */
  static Reason reason(Throwable e) {
    if (e instanceof AccessDeniedException) {
      return Reason.PERMISSION;
    }
    if (e instanceof NoSuchFileException || e instanceof NotDirectoryException) {
      return Reason.MISSING_FOLDER;
    }
    String text =
        e instanceof FileSystemException ? ((FileSystemException) e).getReason() : e.getMessage();
    if (text == null) {
      return Reason.OTHER;
    }
    // errno texts (strerror) as the JDK reports them on Linux and macOS.
    if (text.contains("No space left") || text.contains("quota exceeded")) {
      return Reason.DISK_FULL;
    }
    if (text.contains("Permission denied")
        || text.contains("Read-only file system")
        || text.contains("Operation not permitted")) {
      return Reason.PERMISSION;
    }
    if (text.contains("Not a directory") || text.contains("No such file")) {
      return Reason.MISSING_FOLDER;
    }
    return Reason.OTHER;
  }

  /** Called on every write: registers the metric once the global OpenTelemetry is set. */
  void maybeRegister() {
    if (registered.get()) {
      return;
    }
    long now = clock.nanoTime();
    if (now - nextRegisterCheckNanos < 0) {
      return;
    }
    nextRegisterCheckNanos = now + REGISTER_CHECK_NANOS;
    if (GlobalOpenTelemetry.isSet()) {
      register(GlobalOpenTelemetry.getMeterProvider());
    }
  }

  private void register(MeterProvider provider) {
    if (!registered.compareAndSet(false, true)) {
      return;
    }
    instrument =
        provider
            .get("io.reqlens.exporters")
            .counterBuilder("reqlens.export.failures")
            .setUnit("{failure}")
            .setDescription(
                "Failed writes of a Reqlens file exporter, by exporter and reason"
                    + " (disk_full, permission, missing_folder, other)")
            .buildWithCallback(
                m -> {
                  for (Reason r : Reason.values()) {
                    m.record(counts[r.ordinal()].sum(), attributes[r.ordinal()]);
                  }
                });
  }

  void close() {
    ObservableLongCounter c = instrument;
    if (c != null) {
      c.close();
    }
  }

  @Override
  public String toString() {
    return "ExportFailures{" + exporter + "}";
  }
}
