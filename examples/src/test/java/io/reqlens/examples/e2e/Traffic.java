package io.reqlens.examples.e2e;

import io.reqlens.examples.launch.ServiceClient;
import java.util.ArrayList;
import java.util.List;

/**
 * Steady traffic from one client thread (about 20 requests a second, one in five the N+1 route):
 * each request's status, latency and the phase it was sent in.
 */
final class Traffic {

  static final int HEALTHY = 0;
  static final int OUTAGE = 1;
  static final int RECOVERED = 2;

  private record Result(int phase, int status, long nanos, String error, String traceId) {}

  volatile int phase = HEALTHY;
  private volatile boolean running = true;
  private final List<Result> results = new ArrayList<>(); // guarded by itself
  private Thread thread;

  static Traffic start(ServiceClient client) {
    Traffic t = new Traffic();
    t.thread = new Thread(() -> t.loop(client), "traffic");
    t.thread.start();
    return t;
  }

  private void loop(ServiceClient client) {
    for (int i = 0; running; i++) {
      int p = phase;
      long start = System.nanoTime();
      Result r;
      try {
        ServiceClient.Response res = client.get(i % 5 == 4 ? "/api/orders" : "/api/users");
        r = new Result(p, res.status(), System.nanoTime() - start, null, res.traceId());
      } catch (RuntimeException e) {
        r = new Result(p, -1, System.nanoTime() - start, e.toString(), null);
      }
      synchronized (results) {
        results.add(r);
      }
      try {
        Thread.sleep(50); // pacing
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  void stop() throws InterruptedException {
    running = false;
    thread.join();
  }

  int count() {
    synchronized (results) {
      return results.size();
    }
  }

  long count(int p) {
    synchronized (results) {
      return results.stream().filter(r -> r.phase == p).count();
    }
  }

  /** The trace ids of the requests that answered. */
  List<String> traceIds() {
    synchronized (results) {
      return results.stream().filter(r -> r.traceId != null).map(Result::traceId).toList();
    }
  }

  /** Requests that failed or did not answer 200. */
  List<String> failures() {
    synchronized (results) {
      return results.stream()
          .filter(r -> r.status != 200)
          .map(r -> "phase " + r.phase + ": " + (r.error != null ? r.error : "status " + r.status))
          .toList();
    }
  }

  /** Latency percentile in milliseconds of the requests sent in phase {@code p}. */
  double percentileMs(int p, int percentile) {
    long[] sorted;
    synchronized (results) {
      sorted =
          results.stream().filter(r -> r.phase == p).mapToLong(Result::nanos).sorted().toArray();
    }
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int i = (int) Math.min(sorted.length - 1, Math.ceil(percentile / 100.0 * sorted.length) - 1);
    return sorted[Math.max(0, i)] / 1e6;
  }
}
