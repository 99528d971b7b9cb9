package io.reqlens.profiler;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Builds a {@link RequestProfiler}. Every setter validates and throws {@link
 * IllegalArgumentException} naming the setting, the value and what is accepted; {@link #build()}
 * checks the settings against each other.
 */
public final class RequestProfilerBuilder {

  /** Time between two samples of a request's threads, in milliseconds: {@value}. */
  public static final long DEFAULT_INTERVAL_MILLIS = 10;

  /** A request is sampled only once it has run this long, in milliseconds: {@value}. */
  public static final long DEFAULT_AFTER_MILLIS = 20;

  /**
   * Frames kept per sample (the leaf side; a deeper stack is marked {@code [truncated]}): {@value}.
   */
  public static final int DEFAULT_MAX_STACK_DEPTH = 128;

  /** Threads captured in one tick at most; the rest wait for the next tick (counted): {@value}. */
  public static final int DEFAULT_MAX_THREADS_PER_TICK = 64;

  /**
   * Distinct stacks one request holds at most; further new stacks count as {@code [truncated]}:
   * {@value}.
   */
  public static final int DEFAULT_MAX_STACKS_PER_RECORDING = 256;

  /** Distinct stacks all requests being recorded hold together at most: {@value}. */
  public static final int DEFAULT_MAX_TOTAL_STACKS = 16_384;

  /**
   * Recordings registered at once at most; beyond, {@code start} records nothing (counted):
   * {@value}.
   */
  public static final int DEFAULT_MAX_RECORDINGS = 4096;

  /**
   * A recording older than this, in seconds, is no longer sampled (a handle nobody stopped):
   * {@value}.
   */
  public static final long DEFAULT_MAX_RECORDING_SECONDS = 300;

  /**
   * Share of wall-clock time the profiler's thread may spend in ticks: {@value}. After a tick that
   * took {@code d}, the next one starts no sooner than {@code d / maxOverhead} later.
   */
  public static final double DEFAULT_MAX_OVERHEAD = 0.02;

  static final int MAX_FRAMES = 65_536; // distinct frames interned; beyond, a frame is "[other]"

  private static final long MIN_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
  private static final long MAX_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);
  private static final long MAX_AFTER_NANOS = TimeUnit.HOURS.toNanos(1);
  private static final long MIN_RECORDING_NANOS = TimeUnit.SECONDS.toNanos(1);
  private static final long MAX_RECORDING_NANOS = TimeUnit.DAYS.toNanos(1);

  long intervalNanos = TimeUnit.MILLISECONDS.toNanos(DEFAULT_INTERVAL_MILLIS);
  long afterNanos = TimeUnit.MILLISECONDS.toNanos(DEFAULT_AFTER_MILLIS);
  long maxRecordingDurationNanos = TimeUnit.SECONDS.toNanos(DEFAULT_MAX_RECORDING_SECONDS);
  int maxStackDepth = DEFAULT_MAX_STACK_DEPTH;
  int maxThreadsPerTick = DEFAULT_MAX_THREADS_PER_TICK;
  int maxStacksPerRecording = DEFAULT_MAX_STACKS_PER_RECORDING;
  int maxTotalStacks = DEFAULT_MAX_TOTAL_STACKS;
  int maxRecordings = DEFAULT_MAX_RECORDINGS;
  double maxOverhead = DEFAULT_MAX_OVERHEAD;
  LongSupplier ticker = System::nanoTime;
  boolean tickThread = true;

  RequestProfilerBuilder() {}

  /** Time between two samples, from 1 ms to 1 minute ({@code OTEL_REQLENS_PROFILER_INTERVAL}). */
  public RequestProfilerBuilder setInterval(Duration interval) {
    return setInterval(nanos(interval, "interval"), TimeUnit.NANOSECONDS);
  }

  public RequestProfilerBuilder setInterval(long interval, TimeUnit unit) {
    long nanos = unit.toNanos(interval);
    checkRange("interval", nanos, MIN_INTERVAL_NANOS, MAX_INTERVAL_NANOS);
    this.intervalNanos = nanos;
    return this;
  }

  /**
   * How long a request runs before it is sampled, from 0 to 1 hour ({@code
   * OTEL_REQLENS_PROFILER_AFTER}). Faster requests cost a registration and nothing more.
   */
  public RequestProfilerBuilder setAfter(Duration after) {
    return setAfter(nanos(after, "after"), TimeUnit.NANOSECONDS);
  }

  public RequestProfilerBuilder setAfter(long after, TimeUnit unit) {
    long nanos = unit.toNanos(after);
    checkRange("after", nanos, 0, MAX_AFTER_NANOS);
    this.afterNanos = nanos;
    return this;
  }

  /**
   * Age after which a recording is no longer sampled, from 1 second to 1 day; above {@code after}.
   */
  public RequestProfilerBuilder setMaxRecordingDuration(Duration maxRecordingDuration) {
    return setMaxRecordingDuration(
        nanos(maxRecordingDuration, "maxRecordingDuration"), TimeUnit.NANOSECONDS);
  }

  public RequestProfilerBuilder setMaxRecordingDuration(long duration, TimeUnit unit) {
    long nanos = unit.toNanos(duration);
    checkRange("maxRecordingDuration", nanos, MIN_RECORDING_NANOS, MAX_RECORDING_NANOS);
    this.maxRecordingDurationNanos = nanos;
    return this;
  }

  /** Frames kept per sample, from 1 to 4096. */
  public RequestProfilerBuilder setMaxStackDepth(int maxStackDepth) {
    this.maxStackDepth = checkRange("maxStackDepth", maxStackDepth, 1, 4096);
    return this;
  }

  /** Threads captured per tick, from 1 to 4096. */
  public RequestProfilerBuilder setMaxThreadsPerTick(int maxThreadsPerTick) {
    this.maxThreadsPerTick = checkRange("maxThreadsPerTick", maxThreadsPerTick, 1, 4096);
    return this;
  }

  /** Distinct stacks per request, from 1 to 65536. */
  public RequestProfilerBuilder setMaxStacksPerRecording(int maxStacksPerRecording) {
    this.maxStacksPerRecording =
        checkRange("maxStacksPerRecording", maxStacksPerRecording, 1, 65_536);
    return this;
  }

  /** Distinct stacks across all recordings, from 1 to 16777216: the memory bound. */
  public RequestProfilerBuilder setMaxTotalStacks(int maxTotalStacks) {
    this.maxTotalStacks = checkRange("maxTotalStacks", maxTotalStacks, 1, 1 << 24);
    return this;
  }

  /** Recordings registered at once, from 1 to 1048576. */
  public RequestProfilerBuilder setMaxRecordings(int maxRecordings) {
    this.maxRecordings = checkRange("maxRecordings", maxRecordings, 1, 1 << 20);
    return this;
  }

  /**
   * Share of wall-clock time, from 0.001 to 1, that the profiler's thread may spend in ticks; the
   * cap on its own cost whatever the number of slow requests. A tick costs 0.4–0.8 µs of CPU per
   * captured frame (see {@code benchmarks/README.md}), so 50 requests 100 frames deep take
   * milliseconds: then ticks space out beyond the interval, each request is sampled less often, and
   * its {@link Profile#intervalNanos()} says so.
   */
  public RequestProfilerBuilder setMaxOverhead(double maxOverhead) {
    if (!(maxOverhead >= 0.001 && maxOverhead <= 1)) {
      throw new IllegalArgumentException(
          "maxOverhead must be from 0.001 to 1 (a share of one core), got " + maxOverhead);
    }
    this.maxOverhead = maxOverhead;
    return this;
  }

  /**
   * The time source behind {@code after} and the recording age, in nanoseconds ({@code
   * System::nanoTime} by default); tests drive it. The tick thread's own schedule uses real time.
   */
  public RequestProfilerBuilder setTicker(LongSupplier ticker) {
    this.ticker = Objects.requireNonNull(ticker, "ticker");
    return this;
  }

  /**
   * Whether the profiler runs its own daemon thread ({@code reqlens-profiler}) that ticks every
   * interval; on by default. Off, the owner calls {@link RequestProfiler#tick()} (tests and
   * benchmarks drive time that way).
   */
  public RequestProfilerBuilder setTickThread(boolean tickThread) {
    this.tickThread = tickThread;
    return this;
  }

  public RequestProfiler build() {
    if (maxRecordingDurationNanos <= afterNanos) {
      throw new IllegalArgumentException(
          "maxRecordingDuration must be longer than after ("
              + format(afterNanos)
              + "), got "
              + format(maxRecordingDurationNanos));
    }
    return new RequestProfiler(this);
  }

  static String format(long nanos) {
    if (nanos != 0 && nanos % 1_000_000_000L == 0) {
      return nanos / 1_000_000_000L + "s";
    }
    if (nanos % 1_000_000L == 0) {
      return nanos / 1_000_000L + "ms";
    }
    if (nanos % 1_000L == 0) {
      return nanos / 1_000L + "us";
    }
    return nanos + "ns";
  }

  private static long nanos(Duration duration, String setting) {
    Objects.requireNonNull(duration, setting);
    try {
      return duration.toNanos();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(setting + " is out of range, got " + duration, e);
    }
  }

  private static void checkRange(String setting, long nanos, long min, long max) {
    if (nanos < min || nanos > max) {
      throw new IllegalArgumentException(
          setting
              + " must be from "
              + format(min)
              + " to "
              + format(max)
              + ", got "
              + format(nanos));
    }
  }

  private static int checkRange(String setting, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          setting + " must be from " + min + " to " + max + ", got " + value);
    }
    return value;
  }
}
