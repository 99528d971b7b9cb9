package io.reqlens.profiler;

/**
 * A snapshot of a {@link RequestProfiler}'s counters since it was built: what it did, and what each
 * bound dropped, so a limit that bites is visible rather than silent.
 */
public final class ProfilerStats {

  private final long recordingsStarted;
  private final long recordingsRejected;
  private final long recordingsRegistered;
  private final long ticks;
  private final long tickNanos;
  private final long ticksThrottled;
  private final long tickFailures;
  private final long threadSamples;
  private final long threadsSkipped;
  private final long threadsNotFound;
  private final long threadsRejected;
  private final long stacksTruncatedDepth;
  private final long samplesOverStackLimit;
  private final long stacksHeld;
  private final long framesInterned;
  private final long framesOverLimit;
  private final long recordingsDroppedDeadThread;
  private final long recordingsExpired;

  ProfilerStats(
      long recordingsStarted,
      long recordingsRejected,
      long recordingsRegistered,
      long ticks,
      long tickNanos,
      long ticksThrottled,
      long tickFailures,
      long threadSamples,
      long threadsSkipped,
      long threadsNotFound,
      long threadsRejected,
      long stacksTruncatedDepth,
      long samplesOverStackLimit,
      long stacksHeld,
      long framesInterned,
      long framesOverLimit,
      long recordingsDroppedDeadThread,
      long recordingsExpired) {
    this.recordingsStarted = recordingsStarted;
    this.recordingsRejected = recordingsRejected;
    this.recordingsRegistered = recordingsRegistered;
    this.ticks = ticks;
    this.tickNanos = tickNanos;
    this.ticksThrottled = ticksThrottled;
    this.tickFailures = tickFailures;
    this.threadSamples = threadSamples;
    this.threadsSkipped = threadsSkipped;
    this.threadsNotFound = threadsNotFound;
    this.threadsRejected = threadsRejected;
    this.stacksTruncatedDepth = stacksTruncatedDepth;
    this.samplesOverStackLimit = samplesOverStackLimit;
    this.stacksHeld = stacksHeld;
    this.framesInterned = framesInterned;
    this.framesOverLimit = framesOverLimit;
    this.recordingsDroppedDeadThread = recordingsDroppedDeadThread;
    this.recordingsExpired = recordingsExpired;
  }

  /**
   * Recordings handed out (no-op recordings not counted); exact when no request starts during the
   * tick before.
   */
  public long recordingsStarted() {
    return recordingsStarted;
  }

  /**
   * Starts that got the no-op recording: null thread, closed profiler, or {@code maxRecordings}
   * reached.
   */
  public long recordingsRejected() {
    return recordingsRejected;
  }

  /**
   * Recordings registered now: running, or finished and not yet unlinked by a tick (bounded by
   * {@code maxRecordings}). Exact after a tick; requests started during a tick may count twice
   * until the next one (the bound errs on the safe side).
   */
  public long recordingsRegistered() {
    return recordingsRegistered;
  }

  public long ticks() {
    return ticks;
  }

  /** Wall time spent in ticks, in nanoseconds: the profiler's own cost. */
  public long tickNanos() {
    return tickNanos;
  }

  /**
   * Ticks the profiler's thread started later than the interval to keep within {@code maxOverhead}.
   */
  public long ticksThrottled() {
    return ticksThrottled;
  }

  /** Ticks that failed (counted and logged, throttled) and the failure to start the tick thread. */
  public long tickFailures() {
    return tickFailures;
  }

  /** Stacks captured and folded: one per sampled thread per tick. */
  public long threadSamples() {
    return threadSamples;
  }

  /** Thread captures left out because a tick reached {@code maxThreadsPerTick}. */
  public long threadsSkipped() {
    return threadsSkipped;
  }

  /** Threads the JVM did not report (ended since collected, or virtual threads). */
  public long threadsNotFound() {
    return threadsNotFound;
  }

  /**
   * {@code addThread} calls ignored because the recording held {@value Recording#MAX_THREADS}
   * threads.
   */
  public long threadsRejected() {
    return threadsRejected;
  }

  /** Samples cut at {@code maxStackDepth} (their root frame is {@code [truncated]}). */
  public long stacksTruncatedDepth() {
    return stacksTruncatedDepth;
  }

  /**
   * Samples counted in a request's {@code [truncated]} bucket: a per-request or global stack bound
   * was reached.
   */
  public long samplesOverStackLimit() {
    return samplesOverStackLimit;
  }

  /** Distinct stacks held now by registered recordings (bounded by {@code maxTotalStacks}). */
  public long stacksHeld() {
    return stacksHeld;
  }

  /** Distinct frames interned. */
  public long framesInterned() {
    return framesInterned;
  }

  /** Frame occurrences named {@code [other]} because the frame table was full. */
  public long framesOverLimit() {
    return framesOverLimit;
  }

  /** Recordings dropped because the thread they started on died. */
  public long recordingsDroppedDeadThread() {
    return recordingsDroppedDeadThread;
  }

  /** Recordings no longer sampled because they outlived {@code maxRecordingDuration}. */
  public long recordingsExpired() {
    return recordingsExpired;
  }

  @Override
  public String toString() {
    return "ProfilerStats{recordingsStarted="
        + recordingsStarted
        + ", recordingsRejected="
        + recordingsRejected
        + ", recordingsRegistered="
        + recordingsRegistered
        + ", ticks="
        + ticks
        + ", tickNanos="
        + tickNanos
        + ", ticksThrottled="
        + ticksThrottled
        + ", tickFailures="
        + tickFailures
        + ", threadSamples="
        + threadSamples
        + ", threadsSkipped="
        + threadsSkipped
        + ", threadsNotFound="
        + threadsNotFound
        + ", threadsRejected="
        + threadsRejected
        + ", stacksTruncatedDepth="
        + stacksTruncatedDepth
        + ", samplesOverStackLimit="
        + samplesOverStackLimit
        + ", stacksHeld="
        + stacksHeld
        + ", framesInterned="
        + framesInterned
        + ", framesOverLimit="
        + framesOverLimit
        + ", recordingsDroppedDeadThread="
        + recordingsDroppedDeadThread
        + ", recordingsExpired="
        + recordingsExpired
        + '}';
  }
}
