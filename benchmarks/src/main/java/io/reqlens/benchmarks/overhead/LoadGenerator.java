package io.reqlens.benchmarks.overhead;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * A small HTTP load generator: {@code connections} keep-alive connections, each on its own thread,
 * sending {@code GET path}.
 *
 * <ul>
 *   <li>Open loop ({@code rate > 0}): request {@code i} is due at {@code start + i / rate}, whoever
 *       is free sends it, and its latency is measured from when it was <em>due</em>, not from when
 *       it was sent. So when the service stalls, the requests that queue behind the stall are
 *       counted with the time they waited (no coordinated omission), as wrk2 does. Debian packages
 *       wrk but not wrk2, hence this.
 *   <li>Closed loop ({@code rate == 0}): each connection sends its next request when the previous
 *       answer arrives (wrk's model); used when wrk cannot be installed.
 * </ul>
 *
 * <p>Latencies go into an HdrHistogram (1 µs to 60 s, 3 significant digits) per thread, merged at
 * the end, so recording takes no lock.
 */
final class LoadGenerator {

  /** What one run measured. */
  record Result(long requests, long errors, Histogram latencyMicros, double seconds) {
    double throughput() {
      return requests / seconds;
    }
  }

  private final String host;
  private final int port;
  private final String path;
  private final int connections;

  LoadGenerator(String host, int port, String path, int connections) {
    this.host = host;
    this.port = port;
    this.path = path;
    this.connections = connections;
  }

  Result run(double rate, Duration duration) throws InterruptedException {
    long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
    long end = start + duration.toNanos();
    double periodNanos = rate > 0 ? 1e9 / rate : 0;
    AtomicLong next = new AtomicLong();
    List<Worker> workers = new ArrayList<>();
    for (int i = 0; i < connections; i++) {
      Worker w = new Worker(start, end, periodNanos, next);
      workers.add(w);
      w.thread.start();
    }
    Histogram all = newHistogram();
    long requests = 0;
    long errors = 0;
    for (Worker w : workers) {
      w.thread.join();
      all.add(w.histogram);
      requests += w.requests;
      errors += w.errors;
    }
    return new Result(requests, errors, all, (end - start) / 1e9);
  }

  private static Histogram newHistogram() {
    return new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
  }

  private final class Worker implements Runnable {
    final Thread thread = new Thread(this, "load");
    final Histogram histogram = newHistogram();
    final long start;
    final long end;
    final double periodNanos;
    final AtomicLong next;
    long requests;
    long errors;

    Worker(long start, long end, double periodNanos, AtomicLong next) {
      this.start = start;
      this.end = end;
      this.periodNanos = periodNanos;
      this.next = next;
      thread.setDaemon(true);
    }

    @Override
    public void run() {
      try (HttpConnection c = new HttpConnection(host, port)) {
        while (true) {
          long due;
          if (periodNanos > 0) {
            due = start + (long) (next.getAndIncrement() * periodNanos);
            if (due - end >= 0) {
              return;
            }
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
              LockSupport.parkNanos(wait);
            }
          } else {
            due = System.nanoTime();
            if (due - end >= 0) {
              return;
            }
            if (due - start < 0) {
              LockSupport.parkNanos(start - due);
              continue;
            }
          }
          int status;
          try {
            status = c.get(path);
          } catch (IOException e) {
            status = -1;
          }
          long latency = System.nanoTime() - due;
          histogram.recordValue(Math.min(TimeUnit.NANOSECONDS.toMicros(latency), 60_000_000L));
          requests++;
          if (status != 200) {
            errors++;
          }
        }
      }
    }
  }
}
