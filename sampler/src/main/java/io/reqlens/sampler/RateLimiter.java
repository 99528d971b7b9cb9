package io.reqlens.sampler;

import io.opentelemetry.sdk.common.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A lock-free token bucket for {@code rate=N/s}: at most {@code N} new traces a second on average,
 * with bursts of up to {@code max(1, N)}.
 *
 * <p>Why GCRA (the "generic cell rate algorithm") instead of a token counter plus a refill
 * timestamp? It keeps the whole state in one {@code long} (the theoretical arrival time of the next
 * conforming request), so one compare-and-set updates it atomically, without locks and without
 * allocating. The clock is injectable so tests drive time instead of sleeping.
 */
final class RateLimiter {

  private final Clock clock;
  private final double perSecond;
  private final long intervalNanos;
  private final long toleranceNanos;
  private final AtomicLong theoreticalArrival;

  RateLimiter(double perSecond, Clock clock) {
    if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
      throw new IllegalArgumentException("rate must be a positive number, got " + perSecond);
    }
    this.clock = clock;
    this.perSecond = perSecond;
    this.intervalNanos = Math.max(1L, (long) (1_000_000_000L / perSecond));
    long burst = Math.max(1L, (long) Math.floor(perSecond));
    this.toleranceNanos = (burst - 1) * intervalNanos;
    this.theoreticalArrival = new AtomicLong(clock.nanoTime());
  }

  /** Takes one token if available; never blocks. */
  boolean tryAcquire() {
    long now = clock.nanoTime();
    while (true) {
      long tat = theoreticalArrival.get();
      if (tat - toleranceNanos - now > 0) {
        return false;
      }
      long next = Math.max(tat, now) + intervalNanos;
      if (theoreticalArrival.compareAndSet(tat, next)) {
        return true;
      }
    }
  }

  double perSecond() {
    return perSecond;
  }
}
