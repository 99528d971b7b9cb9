package io.reqlens.examples;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Where the time of {@code GET /api/cpu} and {@code GET /api/lock} goes: distinct, named code, so a
 * profile (the report's hot code, a flame graph) shows a method a newcomer can find here.
 *
 * <ul>
 *   <li>{@link #computeChecksum}: computes for about the asked time, in this one method (it calls
 *       nothing inside its loop, so it is the innermost frame of nearly every sample);
 *   <li>{@link #awaitInventoryLock}: waits for a lock that another thread (a "restock job") holds
 *       for the asked time: the request is BLOCKED inside this method.
 * </ul>
 */
final class Workloads {

  /** The longest a request may ask to compute or wait, in milliseconds. */
  static final int MAX_MS = 10_000;

  // The threads that hold the lock while a request waits for it: daemons, made when needed.
  private static final ExecutorService RESTOCK_JOBS =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "restock-job");
            t.setDaemon(true);
            return t;
          });

  private Workloads() {}

  /**
   * Computes a checksum for about {@code ms} milliseconds and returns it. The clock is read once
   * per block of arithmetic, so nearly all of the time is spent in this method's own loop.
   */
  static long computeChecksum(long ms) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
    long x = 0x9E3779B97F4A7C15L;
    do {
      for (int i = 0; i < 20_000; i++) {
        x ^= x << 13;
        x ^= x >>> 7;
        x ^= x << 17;
      }
    } while (System.nanoTime() - deadline < 0);
    return x;
  }

  /**
   * Waits for the inventory lock, which a restock job holds for {@code ms} milliseconds, then
   * returns how long the request waited, in milliseconds. Each request gets its own lock and job,
   * so concurrent requests do not queue behind each other.
   */
  static long awaitInventoryLock(long ms) throws InterruptedException {
    Object inventoryLock = new Object();
    CountDownLatch held = new CountDownLatch(1);
    RESTOCK_JOBS.execute(() -> restock(inventoryLock, held, ms));
    held.await(); // the job holds the lock now
    long start = System.nanoTime();
    synchronized (inventoryLock) { // BLOCKED here until the job lets go
      return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }
  }

  private static void restock(Object inventoryLock, CountDownLatch held, long ms) {
    synchronized (inventoryLock) {
      held.countDown();
      try {
        Thread.sleep(ms);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
