package io.reqlens.profiler;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Threads parked in {@link SampledCode}, stopped (interrupted and joined) on close. */
final class Workers implements AutoCloseable {

  private final List<Thread> threads = new ArrayList<>();

  /**
   * Starts {@code body} on a new thread and waits until it is in {@code method} and {@code state}.
   */
  Thread start(String name, Runnable body, String method, Thread.State state) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    threads.add(thread);
    thread.start();
    awaitIn(thread, method, state);
    return thread;
  }

  static void awaitIn(Thread thread, String method, Thread.State state) {
    // Generous polling for a thread to get there on a loaded machine; nothing is timed.
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(5))
        .until(
            () ->
                thread.getState() == state
                    && Arrays.stream(thread.getStackTrace())
                        .anyMatch(e -> e.getMethodName().equals(method)));
  }

  @Override
  public void close() throws InterruptedException {
    for (Thread thread : threads) {
      thread.interrupt();
    }
    for (Thread thread : threads) {
      thread.join(10_000);
    }
  }
}
