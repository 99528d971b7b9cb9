package io.reqlens.sampler.localtrace;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.api.metrics.ObservableLongMeasurement;
import io.opentelemetry.sdk.common.Clock;
import io.reqlens.core.log.ThrottledLogger;
import io.reqlens.profiler.ProfilerStats;
import io.reqlens.profiler.RequestProfiler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Logger;

/**
 * Counters of the local-trace processor, published as OpenTelemetry metrics ({@code
 * reqlens.traces.kept}, {@code reqlens.traces.dropped} by {@code reason}, {@code
 * reqlens.spans.late}; with the profiler on, {@code reqlens.profiler.samples}, {@code
 * reqlens.profiler.tick.time} and {@code reqlens.profiler.limited} by {@code reason}: what its
 * bounds held back) and, for drops the user did not ask for (buffer overflow), one throttled log
 * line.
 *
 * <p>Why observable counters registered lazily? The processor is built while the SDK is being
 * configured, before the global {@code OpenTelemetry} exists; asking for it then would install a
 * no-op for good. So counting uses {@link LongAdder}s from the start, and the instruments that read
 * them are registered on the first decision after {@link GlobalOpenTelemetry#isSet()}.
 */
final class ProcessorStats {

  static final AttributeKey<String> REASON = AttributeKey.stringKey("reason");
  private static final Logger logger = Logger.getLogger(LocalTraceProcessor.class.getName());
  private static final long REGISTER_CHECK_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final Map<String, LongAdder> kept = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> dropped = new ConcurrentHashMap<>();
  private final LongAdder late = new LongAdder();
  private final MeterProvider explicitMeterProvider;
  private final AtomicBoolean registered = new AtomicBoolean();
  // GlobalOpenTelemetry.isSet() takes a global lock: ask at most once a second, not per request.
  private volatile long nextRegisterCheckNanos;
  private final List<AutoCloseable> instruments = new ArrayList<>();
  private final Clock clock;
  private final ThrottledLogger overflowLog;
  private final String overflowMessage;
  private final RequestProfiler profiler; // null when off

  ProcessorStats(
      MeterProvider meterProvider, Clock clock, String limits, RequestProfiler profiler) {
    this.explicitMeterProvider = meterProvider;
    this.profiler = profiler;
    this.clock = clock;
    this.overflowLog = new ThrottledLogger(logger, clock);
    this.overflowMessage =
        "Reqlens dropped a recorded local trace early because its buffer was full ("
            + limits
            + "); it had not been chosen by the sampler and had no error yet. Raise"
            + " OTEL_REQLENS_MAX_BUFFERED_TRACES / OTEL_REQLENS_MAX_BUFFERED_SPANS if this"
            + " repeats. (Logged at most once a minute; see metric reqlens.traces.dropped.)";
    this.nextRegisterCheckNanos = clock.nanoTime();
    for (String reason : new String[] {"ratio", "rule", "parent", "sampler", "error", "slow"}) {
      kept.put(reason, new LongAdder());
    }
    for (String reason : new String[] {"ratio", "excluded", "overflow"}) {
      dropped.put(reason, new LongAdder());
    }
    if (meterProvider != null) {
      register(meterProvider);
    }
  }

  void kept(String reason) {
    kept.computeIfAbsent(reason, r -> new LongAdder()).increment();
    maybeRegister();
  }

  void dropped(String reason) {
    dropped.get(reason).increment();
    maybeRegister();
    if (reason.equals("overflow")) {
      maybeLogOverflow();
    }
  }

  void late() {
    late.increment();
  }

  long droppedCount(String reason) {
    return dropped.get(reason).sum();
  }

  long lateCount() {
    return late.sum();
  }

  long keptCount(String reason) {
    LongAdder a = kept.get(reason);
    return a == null ? 0 : a.sum();
  }

  private void maybeRegister() {
    if (explicitMeterProvider != null || registered.get()) {
      return;
    }
    long now = clock.nanoTime();
    if (now - nextRegisterCheckNanos < 0) {
      return;
    }
    nextRegisterCheckNanos = now + REGISTER_CHECK_INTERVAL_NANOS;
    if (GlobalOpenTelemetry.isSet()) {
      register(GlobalOpenTelemetry.getMeterProvider());
    }
  }

  private void register(MeterProvider provider) {
    if (!registered.compareAndSet(false, true)) {
      return;
    }
    Meter meter = provider.get("io.reqlens.sampler");
    instruments.add(
        meter
            .counterBuilder("reqlens.traces.kept")
            .setUnit("{trace}")
            .setDescription("Local traces exported, by the reason they were kept")
            .buildWithCallback(
                m -> kept.forEach((r, a) -> m.record(a.sum(), Attributes.of(REASON, r)))));
    instruments.add(
        meter
            .counterBuilder("reqlens.traces.dropped")
            .setUnit("{trace}")
            .setDescription("Recorded local traces not exported, by the reason they were dropped")
            .buildWithCallback(
                m -> dropped.forEach((r, a) -> m.record(a.sum(), Attributes.of(REASON, r)))));
    instruments.add(
        meter
            .counterBuilder("reqlens.spans.late")
            .setUnit("{span}")
            .setDescription("Spans that ended after their local root was decided")
            .buildWithCallback(m -> m.record(late.sum())));
    if (profiler != null) {
      registerProfiler(meter, profiler);
    }
  }

  /** The profiler's own counters (read from {@link RequestProfiler#stats()} at collection). */
  private void registerProfiler(Meter meter, RequestProfiler profiler) {
    instruments.add(
        meter
            .counterBuilder("reqlens.profiler.samples")
            .setUnit("{sample}")
            .setDescription("Thread stacks captured for requests slower than the profiler's after")
            .buildWithCallback(m -> m.record(profiler.stats().threadSamples())));
    instruments.add(
        meter
            .counterBuilder("reqlens.profiler.tick.time")
            .setUnit("ns")
            .setDescription("Wall time the profiler's thread spent sampling")
            .buildWithCallback(m -> m.record(profiler.stats().tickNanos())));
    instruments.add(
        meter
            .counterBuilder("reqlens.profiler.limited")
            .setUnit("{event}")
            .setDescription("What the profiler's bounds held back, by reason")
            .buildWithCallback(
                m -> {
                  ProfilerStats s = profiler.stats();
                  limited(m, "recording_rejected", s.recordingsRejected());
                  limited(m, "thread_rejected", s.threadsRejected());
                  limited(m, "thread_deferred", s.threadsSkipped());
                  limited(m, "stack_over_limit", s.samplesOverStackLimit());
                  limited(m, "stack_truncated", s.stacksTruncatedDepth());
                  limited(m, "recording_expired", s.recordingsExpired());
                  limited(m, "tick_throttled", s.ticksThrottled());
                  limited(m, "tick_failed", s.tickFailures());
                }));
  }

  private static void limited(ObservableLongMeasurement m, String reason, long value) {
    m.record(value, Attributes.of(REASON, reason));
  }

  private void maybeLogOverflow() {
    overflowLog.warn(overflowMessage, null);
  }

  void close() {
    for (AutoCloseable c : instruments) {
      try {
        c.close();
      } catch (Exception e) {
        // closing an instrument only unregisters its callback; nothing to recover
      }
    }
  }
}
