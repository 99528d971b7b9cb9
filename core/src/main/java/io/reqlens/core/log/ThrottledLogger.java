package io.reqlens.core.log;

import io.opentelemetry.sdk.common.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Logs a warning the first time, then at most once a minute with the number of occurrences since; a
 * full disk or a full buffer must not turn into a log flood. Uses java.util.logging, which the Java
 * agent routes to its own logger.
 *
 * <p>Why lock-free? Callers include the application thread (a local-trace buffer overflow): a
 * suppressed warning costs one clock read, one volatile read and one increment, and never waits.
 *
 * <p>This class is internal and is not intended for public use; it may change at any time.
 */
public final class ThrottledLogger {

  /** At most one line per this interval. */
  public static final long INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

  private final Logger logger;
  private final Clock clock;
  private final AtomicLong nextLogNanos;
  private final AtomicLong suppressed = new AtomicLong();

  public ThrottledLogger(Logger logger, Clock clock) {
    this.logger = logger;
    this.clock = clock;
    this.nextLogNanos = new AtomicLong(clock.nanoTime());
  }

  /**
   * Logs {@code message} (with the count of suppressed ones) unless a line was logged less than a
   * minute ago; returns whether it logged.
   */
  public boolean warn(String message, Throwable t) {
    long now = clock.nanoTime();
    long next = nextLogNanos.get();
    if (now - next < 0 || !nextLogNanos.compareAndSet(next, now + INTERVAL_NANOS)) {
      suppressed.incrementAndGet();
      return false;
    }
    long n = suppressed.getAndSet(0);
    logger.log(
        Level.WARNING, n == 0 ? message : message + " (" + n + " similar since last logged)", t);
    return true;
  }
}
