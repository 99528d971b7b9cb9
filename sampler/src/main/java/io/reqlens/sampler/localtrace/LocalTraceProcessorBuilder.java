package io.reqlens.sampler.localtrace;

import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.sdk.common.Clock;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.reqlens.core.pattern.RouteList;
import io.reqlens.profiler.RequestProfiler;
import io.reqlens.profiler.RequestProfilerBuilder;
import java.time.Duration;
import java.util.Objects;

/** Builds a {@link LocalTraceProcessor}; every setter validates and throws on bad input. */
public final class LocalTraceProcessorBuilder {

  /** Same sanitized statement this many times in one request flags N+1: {@value}. */
  public static final int DEFAULT_N_PLUS_ONE_THRESHOLD = 5;

  /** Undecided local traces held at most: {@value}. */
  public static final int DEFAULT_MAX_BUFFERED_TRACES = 2048;

  /** Ended spans buffered at most across all undecided local traces: {@value}. */
  public static final int DEFAULT_MAX_BUFFERED_SPANS = 16384;

  // Why upper bounds? A typo such as 99999999999 must fail at start with the bounds, not pass and
  // let the buffer grow towards an out-of-memory error; a buffered span holds about 1 KiB, so these
  // are gigabytes already, far beyond any sensible setting.

  /** Largest accepted {@code maxBufferedTraces}: {@value}. */
  public static final int LIMIT_MAX_BUFFERED_TRACES = 1_000_000;

  /** Largest accepted {@code maxBufferedSpans}: {@value}. */
  public static final int LIMIT_MAX_BUFFERED_SPANS = 10_000_000;

  /** Largest accepted N+1 threshold: {@value}. */
  public static final int LIMIT_N_PLUS_ONE_THRESHOLD = 10_000;

  final SpanProcessor downstream;
  RouteList excludedRoutes = RouteList.empty();
  boolean keepErrors;
  Duration keepSlowerThan;
  int nPlusOneThreshold = DEFAULT_N_PLUS_ONE_THRESHOLD;
  QueryRedactor redactor = QueryRedactor.parse(QueryRedactor.DEFAULT_PARAMS);
  int maxBufferedTraces = DEFAULT_MAX_BUFFERED_TRACES;
  int maxBufferedSpans = DEFAULT_MAX_BUFFERED_SPANS;
  MeterProvider meterProvider;
  Clock clock = Clock.getDefault();
  boolean profilerEnabled = true;
  Duration profilerInterval = Duration.ofMillis(RequestProfilerBuilder.DEFAULT_INTERVAL_MILLIS);
  Duration profilerAfter = Duration.ofMillis(RequestProfilerBuilder.DEFAULT_AFTER_MILLIS);
  RequestProfiler profiler; // tests: a profiler they tick themselves; else built from the above

  LocalTraceProcessorBuilder(SpanProcessor downstream) {
    this.downstream = Objects.requireNonNull(downstream, "downstream");
  }

  /**
   * Local traces whose SERVER root matches by {@code http.route} or {@code url.path} are dropped.
   */
  public LocalTraceProcessorBuilder setExcludedRoutes(RouteList excludedRoutes) {
    this.excludedRoutes = Objects.requireNonNull(excludedRoutes, "excludedRoutes");
    return this;
  }

  /** Keeps recorded local traces that contain an error or a 5xx SERVER root. Off by default. */
  public LocalTraceProcessorBuilder setKeepErrors(boolean keepErrors) {
    this.keepErrors = keepErrors;
    return this;
  }

  /** Keeps recorded local traces whose root took longer than {@code threshold}. Off by default. */
  public LocalTraceProcessorBuilder setKeepSlowerThan(Duration threshold) {
    if (threshold == null || threshold.isNegative() || threshold.isZero()) {
      throw new IllegalArgumentException("threshold must be positive, got " + threshold);
    }
    this.keepSlowerThan = threshold;
    return this;
  }

  /** Sets how many runs of one statement in a request flag N+1. */
  public LocalTraceProcessorBuilder setNPlusOneThreshold(int threshold) {
    if (threshold < 2 || threshold > LIMIT_N_PLUS_ONE_THRESHOLD) {
      throw new IllegalArgumentException(
          "N+1 threshold must be from 2 to " + LIMIT_N_PLUS_ONE_THRESHOLD + ", got " + threshold);
    }
    this.nPlusOneThreshold = threshold;
    return this;
  }

  /**
   * Sets the query parameter names whose values are replaced by {@code REDACTED}: comma-separated,
   * case-insensitive patterns; {@code *} for all, {@code none} for none. Default: {@value
   * QueryRedactor#DEFAULT_PARAMS}.
   */
  public LocalTraceProcessorBuilder setRedactedQueryParams(String patterns) {
    this.redactor = QueryRedactor.parse(Objects.requireNonNull(patterns, "patterns"));
    return this;
  }

  public LocalTraceProcessorBuilder setMaxBufferedTraces(int max) {
    if (max < 1 || max > LIMIT_MAX_BUFFERED_TRACES) {
      throw new IllegalArgumentException(
          "maxBufferedTraces must be from 1 to " + LIMIT_MAX_BUFFERED_TRACES + ", got " + max);
    }
    this.maxBufferedTraces = max;
    return this;
  }

  public LocalTraceProcessorBuilder setMaxBufferedSpans(int max) {
    if (max < 1 || max > LIMIT_MAX_BUFFERED_SPANS) {
      throw new IllegalArgumentException(
          "maxBufferedSpans must be from 1 to " + LIMIT_MAX_BUFFERED_SPANS + ", got " + max);
    }
    this.maxBufferedSpans = max;
    return this;
  }

  /** Publishes the counters here instead of on the global meter provider. */
  public LocalTraceProcessorBuilder setMeterProvider(MeterProvider meterProvider) {
    this.meterProvider = Objects.requireNonNull(meterProvider, "meterProvider");
    return this;
  }

  /** The clock behind log throttling; tests drive it. */
  public LocalTraceProcessorBuilder setClock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /**
   * Turns the request-scoped stack sampler and the N+1 caller lookup on or off; on by default
   * ({@code OTEL_REQLENS_PROFILER}). Off, a request costs neither and its root carries no {@code
   * reqlens.profile.*} or {@code reqlens.n_plus_one.caller} attribute.
   */
  public LocalTraceProcessorBuilder setProfilerEnabled(boolean enabled) {
    this.profilerEnabled = enabled;
    return this;
  }

  /**
   * Time between two stack samples of a request's threads, from 1 ms to 1 minute; default {@value
   * RequestProfilerBuilder#DEFAULT_INTERVAL_MILLIS} ms ({@code OTEL_REQLENS_PROFILER_INTERVAL}).
   */
  public LocalTraceProcessorBuilder setProfilerInterval(Duration interval) {
    RequestProfiler.builder().setInterval(interval); // validates, naming the setting
    this.profilerInterval = interval;
    return this;
  }

  /**
   * How long a request runs before its threads are sampled, from 0 to 1 hour; default {@value
   * RequestProfilerBuilder#DEFAULT_AFTER_MILLIS} ms ({@code OTEL_REQLENS_PROFILER_AFTER}).
   */
  public LocalTraceProcessorBuilder setProfilerAfter(Duration after) {
    RequestProfiler.builder().setAfter(after); // validates, naming the setting
    this.profilerAfter = after;
    return this;
  }

  /** Tests: a profiler built (and ticked) by the test; the processor shuts it down. */
  LocalTraceProcessorBuilder setProfiler(RequestProfiler profiler) {
    this.profiler = Objects.requireNonNull(profiler, "profiler");
    return this;
  }

  /** The profiler the processor owns: none when off. */
  RequestProfiler buildProfiler() {
    if (!profilerEnabled) {
      return null;
    }
    if (profiler != null) {
      return profiler;
    }
    // A request is sampled for at most its default duration past `after` (5 min beyond it when
    // `after` itself is that long): the profiler requires the limit to be longer than `after`.
    Duration maxRecording =
        Duration.ofSeconds(RequestProfilerBuilder.DEFAULT_MAX_RECORDING_SECONDS);
    if (profilerAfter.compareTo(maxRecording) >= 0) {
      maxRecording = profilerAfter.plus(maxRecording);
    }
    return RequestProfiler.builder()
        .setInterval(profilerInterval)
        .setAfter(profilerAfter)
        .setMaxRecordingDuration(maxRecording)
        .build(); // its thread starts at the first request it records
  }

  public LocalTraceProcessor build() {
    return new LocalTraceProcessor(this);
  }
}
