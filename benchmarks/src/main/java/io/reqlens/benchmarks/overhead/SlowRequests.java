package io.reqlens.benchmarks.overhead;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps {@code n} requests of {@code GET /api/slow?ms=1000} in flight beside the measured load: one
 * thread and one connection per request, each sending the next as soon as the last answered. The
 * request profiler's busy case (its goal names 50 slow requests always in flight): every tick then
 * has {@code n} threads to sample, while the measured load says what that costs the service.
 */
final class SlowRequests implements AutoCloseable {

  static final String PATH = "/api/slow?ms=1000";

  private final List<Thread> threads = new ArrayList<>();
  private final List<HttpConnection> connections = new ArrayList<>();
  private final AtomicLong answered = new AtomicLong();
  private volatile boolean stopped;

  private SlowRequests() {}

  static SlowRequests start(int port, int n) {
    SlowRequests s = new SlowRequests();
    for (int i = 0; i < n; i++) {
      HttpConnection c = new HttpConnection("127.0.0.1", port);
      s.connections.add(c);
      Thread t = new Thread(() -> s.loop(c), "slow-in-flight-" + i);
      t.setDaemon(true);
      s.threads.add(t);
      t.start();
    }
    return s;
  }

  private void loop(HttpConnection c) {
    while (!stopped) {
      try {
        c.get(PATH);
        answered.incrementAndGet();
      } catch (IOException e) {
        if (!stopped) {
          System.err.println("slow request failed: " + e);
          stopped = true; // the service is gone: the run reports its own failure
        }
      }
    }
  }

  /** Slow requests answered so far. */
  long answered() {
    return answered.get();
  }

  @Override
  public void close() throws InterruptedException {
    stopped = true;
    connections.forEach(HttpConnection::close); // unblocks a thread waiting for an answer
    for (Thread t : threads) {
      t.join(5_000);
    }
  }
}
