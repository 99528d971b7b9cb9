package io.reqlens.exporters;

import io.opentelemetry.sdk.common.Clock;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Logs a failure the first time, then at most once a minute with the number of failures since; a
 * full disk must not turn into a log flood. java.util.logging, which the agent routes.
 */
final class ThrottledLogger {

  static final long INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

  private final Logger logger;
  private final Clock clock;
  private long lastLogNanos;
  private boolean logged;
  private long suppressed;

  ThrottledLogger(Logger logger, Clock clock) {
    this.logger = logger;
    this.clock = clock;
  }

  /**
   * Logs {@code message} (with the count of suppressed ones) unless logged less than a minute ago.
   */
  synchronized void warn(String message, Throwable t) {
    long now = clock.nanoTime();
    if (logged && now - lastLogNanos < INTERVAL_NANOS) {
      suppressed++;
      return;
    }
    String text =
        suppressed == 0 ? message : message + " (" + suppressed + " similar since last logged)";
    logger.log(Level.WARNING, text, t);
    logged = true;
    lastLogNanos = now;
    suppressed = 0;
  }
}
