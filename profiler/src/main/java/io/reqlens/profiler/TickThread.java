package io.reqlens.profiler;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * The daemon thread {@code reqlens-profiler}: calls {@link RequestProfiler#tick()} once per
 * interval, at a random point within each interval, and never spends more than {@code maxOverhead}
 * of the time ticking.
 *
 * <p>Why a random phase? A fixed schedule can fall into step with periodic work in the application
 * (a 10 ms poll, a timer) and always see it, or never. Sampling at a random instant of each
 * interval keeps the average rate at one per interval, so {@code samples * interval} still
 * estimates the sampled time. Glowroot's {@code StackTraceCollector} does the same.
 *
 * <p>Why a cap on the share of time? A tick costs 0.4–0.8 µs of CPU per captured frame ({@code
 * ThreadMXBean} builds a {@code StackTraceElement} for each), so its cost grows with the number of
 * slow requests and their depth; the interval alone does not bound it. After a tick that took
 * {@code d}, the next period starts no sooner than {@code d / maxOverhead} after it began: under
 * load each request is sampled less often (its profile's {@link Profile#intervalNanos()} reports
 * the interval it really got) and the profiler's cost stays flat. Why not catch up after a slow
 * tick? A burst of back-to-back ticks would sample the same instant several times.
 */
final class TickThread extends Thread {

  private final RequestProfiler profiler;
  private final long intervalNanos;
  private final double maxOverhead;
  private volatile boolean stopped;
  private volatile long throttled; // single writer: this thread

  TickThread(RequestProfiler profiler, long intervalNanos, double maxOverhead) {
    // Started from whichever request thread records first: inherit none of its thread-locals and
    // hold no reference to its context class loader (a web application's, which would leak on
    // redeploy).
    super(null, null, "reqlens-profiler", 0, false);
    setDaemon(true);
    setContextClassLoader(null);
    this.profiler = profiler;
    this.intervalNanos = intervalNanos;
    this.maxOverhead = maxOverhead;
  }

  @Override
  public void run() {
    long period = System.nanoTime();
    while (!stopped) {
      long wake = period + ThreadLocalRandom.current().nextLong(intervalNanos);
      for (long wait; !stopped && (wait = wake - System.nanoTime()) > 0; ) {
        LockSupport.parkNanos(this, wait);
      }
      if (stopped) {
        return;
      }
      long begin = System.nanoTime();
      profiler.tick();
      long end = System.nanoTime();
      long next = nextPeriod(period, intervalNanos, begin, end, maxOverhead);
      if (next - Math.max(period + intervalNanos, end) > 0) {
        throttled = throttled + 1;
      }
      period = next;
    }
  }

  /**
   * Start of the next period: one interval after this one, but not before the tick ended (no
   * catching up) nor before {@code (end - begin) / maxOverhead} after the tick began (the cap).
   */
  static long nextPeriod(
      long period, long intervalNanos, long begin, long end, double maxOverhead) {
    long next = period + intervalNanos;
    if (end - next > 0) {
      next = end;
    }
    long earliest = begin + (long) ((end - begin) / maxOverhead);
    return earliest - next > 0 ? earliest : next;
  }

  long throttled() {
    return throttled;
  }

  void shutdown() {
    stopped = true;
    LockSupport.unpark(this);
    if (Thread.currentThread() != this) {
      try {
        join(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
