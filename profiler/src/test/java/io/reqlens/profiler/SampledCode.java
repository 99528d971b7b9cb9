package io.reqlens.profiler;

import java.util.concurrent.CountDownLatch;

/** Named methods for workers to sit in while a test samples them. */
final class SampledCode {

  static volatile long sink;

  private SampledCode() {}

  /** Sleeps until interrupted: TIMED_WAITING under {@code java.lang.Thread.sleep}. */
  static void sleepInHandler() {
    try {
      while (true) {
        Thread.sleep(60_000);
      }
    } catch (InterruptedException e) {
      // done
    }
  }

  /** Sleeps until interrupted, under a second named method (work handed to another thread). */
  static void sleepInWorker() {
    sleepInHandler();
  }

  /** Computes until interrupted, calling nothing: RUNNABLE with this method as the leaf. */
  static void burnCpu() {
    long x = 17;
    Thread self = Thread.currentThread();
    while (!self.isInterrupted()) {
      for (int i = 0; i < 100_000; i++) {
        x = x * 6364136223846793005L + 1442695040888963407L;
      }
      sink = x;
    }
  }

  /** Waits on {@code latch} under {@code depth} frames of {@link #recurse}: WAITING, deep. */
  static void recurse(int depth, CountDownLatch latch) {
    if (depth > 0) {
      recurse(depth - 1, latch);
      return;
    }
    try {
      latch.await();
    } catch (InterruptedException e) {
      // done
    }
  }
}
