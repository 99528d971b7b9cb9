package io.reqlens.profiler;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * The daemon thread {@code reqlens-profiler}: calls {@link RequestProfiler#tick()} once per
 * interval, at a random point within each interval.
 *
 * <p>Why a random phase? A fixed schedule can fall into step with periodic work in the application
 * (a 10 ms poll, a timer) and always see it, or never. Sampling at a random instant of each
 * interval keeps the average rate at one per interval, so {@code samples * interval} still
 * estimates the sampled time. Glowroot's {@code StackTraceCollector} does the same. Why not catch
 * up after a slow tick? A burst of back-to-back ticks would sample the same instant several times;
 * the schedule restarts from now instead.
 */
final class TickThread extends Thread {

  private final RequestProfiler profiler;
  private final long intervalNanos;
  private volatile boolean stopped;

  TickThread(RequestProfiler profiler, long intervalNanos) {
    super("reqlens-profiler");
    setDaemon(true);
    this.profiler = profiler;
    this.intervalNanos = intervalNanos;
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
      profiler.tick();
      period += intervalNanos;
      long now = System.nanoTime();
      if (now - period > intervalNanos) {
        period = now;
      }
    }
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
