package io.reqlens.profiler;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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
 *
 * <p>What a tick costs is what it uses, not how long it waited for a core: see {@link #charged}.
 */
final class TickThread extends Thread {

  /**
   * A tick is charged at most this many times the CPU time of the ticking thread: {@value}. The VM
   * thread walks the stacks at a safepoint on its behalf; process CPU per tick measured 1.9 to 3.2
   * times the ticking thread's ({@code ProfilerBenchmark}, benchmarks/README.md).
   */
  static final long CPU_FACTOR = 3;

  private final RequestProfiler profiler;
  private final long intervalNanos;
  private final double maxOverhead;
  private final ThreadMXBean threads; // null when the JVM measures no thread CPU time
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
    this.threads = cpuClock();
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
      long cpuBegin = cpuTime();
      profiler.tick();
      long end = System.nanoTime();
      long cpuEnd = cpuTime();
      long cost = charged(end - begin, cpuBegin < 0 || cpuEnd < 0 ? -1 : cpuEnd - cpuBegin);
      long next = nextPeriod(period, intervalNanos, begin, end, cost, maxOverhead);
      if (next - Math.max(period + intervalNanos, end) > 0) {
        throttled = throttled + 1;
      }
      period = next;
    }
  }

  /**
   * Start of the next period: one interval after this one, but not before the tick ended (no
   * catching up) nor before {@code cost / maxOverhead} after the tick began (the cap).
   */
  static long nextPeriod(
      long period, long intervalNanos, long begin, long end, long cost, double maxOverhead) {
    long next = period + intervalNanos;
    if (end - next > 0) {
      next = end;
    }
    long earliest = begin + (long) (cost / maxOverhead);
    return earliest - next > 0 ? earliest : next;
  }

  /**
   * What a tick is charged against {@code maxOverhead}: its wall time, but at most {@link
   * #CPU_FACTOR} times the CPU time the ticking thread used ({@code cpuNanos}; negative when not
   * measured: then the wall time). Why not the wall time alone? On a machine busy with other work a
   * tick waits for a core far longer than it works: measured at load 15 on two cores, ticks of
   * about 30 µs of CPU took about 1 ms of wall time, and charging the wait spaced them 50 ms apart
   * (five times the interval) while the profiler cost almost nothing. The cap is meant to bound
   * what the profiler uses, not to back off whenever the machine is busy.
   */
  static long charged(long wallNanos, long cpuNanos) {
    return cpuNanos < 0 ? wallNanos : Math.min(wallNanos, CPU_FACTOR * cpuNanos);
  }

  private long cpuTime() {
    try {
      return threads == null ? -1 : threads.getCurrentThreadCpuTime();
    } catch (RuntimeException e) {
      return -1; // turned off meanwhile (setThreadCpuTimeEnabled): charge the wall time
    }
  }

  private static ThreadMXBean cpuClock() {
    try {
      ThreadMXBean bean = ManagementFactory.getThreadMXBean();
      return bean.isCurrentThreadCpuTimeSupported() ? bean : null;
    } catch (RuntimeException | LinkageError e) {
      return null;
    }
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
