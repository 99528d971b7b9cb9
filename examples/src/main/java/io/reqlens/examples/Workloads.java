package io.reqlens.examples;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Where the time of {@code GET /api/cpu}, {@code GET /api/lock} and {@code GET /api/handoff} goes:
 * distinct, named code, so a profile (the report's hot code, a flame graph) shows a method a
 * newcomer can find here.
 *
 * <ul>
 *   <li>{@link #computeChecksum}: computes for about the asked time, in this one method (it calls
 *       nothing inside its loop, so it is the innermost frame of nearly every sample);
 *   <li>{@link #awaitInventoryLock}: waits for a lock that another thread (a "restock job") holds
 *       for the asked time: the request is BLOCKED inside this method;
 *   <li>{@link #reconcileLedger}: computes for about the asked time on a worker thread of {@link
 *       #ledgerWorkers()}, while the request's thread waits for it.
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

  /** Worker threads of {@link #ledgerWorkers()}: at most this many ledgers at once. */
  static final int LEDGER_WORKERS = 8;

  private Workloads() {}

  /**
   * The pool {@code GET /api/handoff} hands its work to: daemon threads named {@code
   * ledger-worker}. Its tasks start no span: only the request's context goes with them (the agent's
   * executor instrumentation carries it, or, in library mode, {@code Context.taskWrapping}).
   */
  static ExecutorService ledgerWorkers() {
    return Executors.newFixedThreadPool(
        LEDGER_WORKERS,
        r -> {
          Thread t = new Thread(r, "ledger-worker");
          t.setDaemon(true);
          return t;
        });
  }

  /**
   * Reconciles a ledger for about {@code ms} milliseconds, on the worker thread that runs it, and
   * returns a checksum: like {@link #computeChecksum}, nearly all of the time in this method's own
   * loop, under another name, so a profile tells the worker's time from the request thread's.
   */
  static long reconcileLedger(long ms) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
    long x = 0x2545F4914F6CDD1DL;
    do {
      for (int i = 0; i < 20_000; i++) {
        x ^= x << 21;
        x ^= x >>> 35;
        x ^= x << 4;
      }
    } while (System.nanoTime() - deadline < 0);
    return x;
  }

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
    // The job is not this request's work: submitted outside its context, or the executor would
    // carry the context along and the profiler would count the job's sleep as the request's.
    try (Scope ignored = Context.root().makeCurrent()) {
      RESTOCK_JOBS.execute(() -> restock(inventoryLock, held, ms));
    }
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
