package io.reqlens.profiler;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Samples the stacks of requests that run longer than {@code after}, every {@code interval}, wall
 * clock (sleeping, waiting, blocked and I/O time count), and folds them per request.
 *
 * <p>Request threads call {@link #start(Thread, long)} when a request begins and {@link
 * Recording#stop()} when it ends; both are lock-free, never block and never throw, and a request
 * that ends before {@code after} costs one small object and one CAS. One daemon thread ({@code
 * reqlens-profiler}, started at the first {@code start}) does the rest: see {@link #tick()}. Memory
 * is bounded by the builder's limits; what a bound drops is counted in {@link #stats()}.
 *
 * <pre>{@code
 * RequestProfiler profiler = RequestProfiler.builder().build();
 * Recording recording = profiler.start(Thread.currentThread(), System.nanoTime());
 * ... // the request
 * Profile profile = recording.stop(); // null when the request was faster than `after`
 * }</pre>
 */
public final class RequestProfiler implements AutoCloseable {

  private static final RequestProfiler NOOP = new RequestProfiler();
  private static final long LOG_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

  final FrameTable frames;
  final long intervalNanos;
  final LongAdder threadsRejected = new LongAdder();
  private final RequestProfilerBuilder config;
  private final LongSupplier ticker;
  private final Registry registry;
  private final Sampler sampler;
  private final LongAdder rejected = new LongAdder();
  private final ReentrantLock tickLock = new ReentrantLock();
  private final AtomicBoolean tickThreadStarted = new AtomicBoolean();
  private volatile boolean closed;
  private volatile TickThread tickThread;
  // Tick-owned (under tickLock):
  private long tickFailures;
  private long tickNanos;
  private long lastFailureLogNanos;

  RequestProfiler(RequestProfilerBuilder config) {
    this.config = config;
    this.frames = new FrameTable(RequestProfilerBuilder.MAX_FRAMES);
    this.intervalNanos = config.intervalNanos;
    this.ticker = config.ticker;
    this.registry = new Registry(config.maxRecordings);
    this.sampler = new Sampler(registry, frames, config);
    this.tickThreadStarted.set(!config.tickThread);
  }

  private RequestProfiler() { // the disabled profiler
    this(new RequestProfilerBuilder());
    this.closed = true;
  }

  public static RequestProfilerBuilder builder() {
    return new RequestProfilerBuilder();
  }

  /**
   * A profiler that records nothing ({@code OTEL_REQLENS_PROFILER=off}): every start is a no-op.
   */
  public static RequestProfiler disabled() {
    return NOOP;
  }

  /**
   * Starts recording the request running on {@code thread} that began at {@code startNanos} (read
   * from this profiler's ticker, {@link System#nanoTime()} by default; a time in the past counts
   * towards {@code after}). Returns a no-op recording when {@code thread} is null, the profiler is
   * disabled or closed, or {@code maxRecordings} are registered (counted as rejected).
   */
  public Recording start(Thread thread, long startNanos) {
    if (thread == null || closed) {
      if (this != NOOP) {
        rejected.increment();
      }
      return Recording.NOOP;
    }
    Recording recording = new Recording(this, thread, startNanos);
    if (!registry.push(recording)) {
      rejected.increment();
      return Recording.NOOP;
    }
    if (!tickThreadStarted.get()) {
      startTickThread();
    }
    return recording;
  }

  /** {@link #start(Thread, long)} with the ticker's current time. */
  public Recording start(Thread thread) {
    return start(thread, ticker.getAsLong());
  }

  /**
   * Takes one sample of every request older than {@code after} now, on the calling thread: unlinks
   * finished recordings, captures the stacks of at most {@code maxThreadsPerTick} threads in one
   * {@code ThreadMXBean.getThreadInfo} call and folds each into its request's table. The profiler's
   * thread calls this every interval; call it directly only with {@link
   * RequestProfilerBuilder#setTickThread(boolean) setTickThread(false)} (tests, benchmarks, an
   * owner with its own scheduler). Ticks are serialized; a failure is counted and logged
   * (throttled), never thrown.
   */
  public void tick() {
    if (closed) {
      return;
    }
    tickLock.lock();
    try {
      long begin = System.nanoTime();
      try {
        sampler.tick(ticker.getAsLong());
      } catch (RuntimeException | LinkageError e) {
        tickFailures++;
        logFailure(e);
      }
      tickNanos += System.nanoTime() - begin;
    } finally {
      tickLock.unlock();
    }
  }

  /** What the profiler did and what its bounds dropped, since it was built. */
  public ProfilerStats stats() {
    TickThread thread = tickThread;
    tickLock.lock();
    try {
      return new ProfilerStats(
          sampler.unlinked + registry.size(),
          rejected.sum(),
          registry.size(),
          sampler.ticks,
          tickNanos,
          thread == null ? 0 : thread.throttled(),
          tickFailures,
          sampler.threadSamples,
          sampler.threadsSkipped,
          sampler.threadsNotFound,
          threadsRejected.sum(),
          sampler.depthTruncated,
          sampler.overStackLimit,
          sampler.stacksHeld(),
          frames.size(),
          frames.overLimit(),
          sampler.droppedDeadThread,
          sampler.expired);
    } finally {
      tickLock.unlock();
    }
  }

  /**
   * Stops the profiler's thread and forgets every registered recording; later starts are no-ops.
   * Recordings in flight keep what was sampled and still return it from {@code stop()}. Idempotent.
   */
  public void shutdown() {
    if (closed) {
      return;
    }
    closed = true;
    TickThread thread = tickThread;
    if (thread != null) {
      thread.shutdown();
    }
    tickLock.lock();
    try {
      sampler.releaseAll();
    } finally {
      tickLock.unlock();
    }
  }

  /** {@link #shutdown()}. */
  @Override
  public void close() {
    shutdown();
  }

  @Override
  public String toString() {
    if (this == NOOP) {
      return "RequestProfiler{disabled}";
    }
    return "RequestProfiler{interval="
        + RequestProfilerBuilder.format(config.intervalNanos)
        + ", after="
        + RequestProfilerBuilder.format(config.afterNanos)
        + ", maxRecordingDuration="
        + RequestProfilerBuilder.format(config.maxRecordingDurationNanos)
        + ", maxStackDepth="
        + config.maxStackDepth
        + ", maxThreadsPerTick="
        + config.maxThreadsPerTick
        + ", maxStacksPerRecording="
        + config.maxStacksPerRecording
        + ", maxTotalStacks="
        + config.maxTotalStacks
        + ", maxRecordings="
        + config.maxRecordings
        + ", maxOverhead="
        + config.maxOverhead
        + ", tickThread="
        + config.tickThread
        + (closed ? ", closed" : "")
        + '}';
  }

  private void startTickThread() {
    if (!tickThreadStarted.compareAndSet(false, true)) {
      return; // another request thread is starting it: do not wait for it
    }
    try {
      TickThread thread = new TickThread(this, intervalNanos, config.maxOverhead);
      tickThread = thread;
      thread.start();
      if (closed) { // closed while starting
        thread.shutdown();
      }
    } catch (RuntimeException | Error e) { // e.g. no native thread left: record, never throw
      tickLock.lock();
      try {
        tickFailures++;
        logFailure(e);
      } finally {
        tickLock.unlock();
      }
    }
  }

  private void logFailure(Throwable e) {
    long now = System.nanoTime();
    if (tickFailures == 1 || now - lastFailureLogNanos >= LOG_INTERVAL_NANOS) {
      lastFailureLogNanos = now;
      // The logger is looked up here, not in a static field: touching java.util.logging while the
      // agent starts can initialize the LogManager before the application sets its own.
      Logger.getLogger(RequestProfiler.class.getName())
          .log(
              Level.WARNING,
              "Reqlens profiler: sampling failed ("
                  + tickFailures
                  + " failures so far); requests keep running unprofiled",
              e);
    }
  }
}
