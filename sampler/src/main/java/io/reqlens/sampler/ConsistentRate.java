package io.reqlens.sampler;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.common.Clock;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import io.reqlens.core.sampling.ConsistentProbability;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code rate=N/s} as a consistent probability sampler: the probability {@code p = min(1, N / λ)}
 * follows the estimated arrival rate {@code λ} of the roots the rule matches, and each kept root
 * carries the threshold it was decided with ({@code ot=th:…}), so {@code sample_rate} and every
 * downstream re-weighting see its true inclusion probability.
 *
 * <p><b>Estimator.</b> {@code λ} is an exponentially smoothed arrival rate with time constant
 * {@value #ADAPTATION_SECONDS} s, in the form of opentelemetry-java-contrib's {@code
 * consistent56.ConsistentRateLimitingSampler} (after Wright, "Forecasting data published at
 * irregular time intervals", Management Science 32.4, 1986): a decayed arrival count {@code C} over
 * a decayed observation time {@code A}, both decayed by {@code b = exp(-Δt / τ)}: {@code C ← b·C +
 * arrivals}, {@code A ← b·A + τ·(1 − b)}, {@code λ = C / A}. {@code A} grows to {@code τ}, so right
 * after start {@code λ} is the plain average so far, later the average over about the last second.
 *
 * <p><b>Why windows?</b> Contrib updates its state on every span with a new immutable object; here
 * the estimate is recomputed once per window of {@value #WINDOW_MILLIS} ms by the one thread that
 * wins a compare-and-set on the window's end, and the others only count arrivals and read the
 * current {@link Estimate}: one clock read, one atomic increment, one volatile read, no loop, no
 * lock and no allocation per decision. A window also closes early when its arrivals pass twice what
 * the estimate expects (at least {@value #MIN_SURGE_ARRIVALS}), so a surge is noticed within a few
 * requests rather than a window. Memory: a few fields, whatever the traffic.
 *
 * <p><b>Bias.</b> The threshold used for a root depends only on earlier arrival times, never on
 * that root's own randomness (the trace id), so {@code P(kept) = p} exactly and re-weighting by
 * {@code 1/p} (Horvitz–Thompson) counts without bias. What adapts with a lag is the <em>kept
 * rate</em>: until the first window closes everything is kept; after a sudden surge more than
 * {@code N} a second are kept for about {@code τ} (the overshoot grows with the logarithm of the
 * surge); after a lull fewer. The variance of estimated counts is larger than with a fixed ratio of
 * the same mean, because {@code p} varies. {@code N} is an average, not a hard cap: a hard cap
 * would drop roots the probability chose and break the re-weighting.
 */
final class ConsistentRate {

  /** Time constant of the smoothing: {@value} s. */
  static final double ADAPTATION_SECONDS = 1.0;

  /** Longest time between two re-estimates: {@value} ms. */
  static final long WINDOW_MILLIS = 100;

  /** A window closes early after at least this many arrivals: {@value}. */
  static final long MIN_SURGE_ARRIVALS = 16;

  private static final long WINDOW_NANOS = WINDOW_MILLIS * 1_000_000L;
  private static final double WINDOW_SECONDS = WINDOW_MILLIS / 1000.0;

  /** What every decision reads: immutable, replaced whole at the end of a window. */
  static final class Estimate {
    final double decayedCount; // C
    final double decayedSeconds; // A
    final long threshold;
    final long surgeArrivals;
    final SamplingResult keep;

    Estimate(
        double decayedCount,
        double decayedSeconds,
        long threshold,
        long surgeArrivals,
        SamplingResult keep) {
      this.decayedCount = decayedCount;
      this.decayedSeconds = decayedSeconds;
      this.threshold = threshold;
      this.surgeArrivals = surgeArrivals;
      this.keep = keep;
    }

    /** The sampling probability this estimate applies. */
    double probability() {
      return ConsistentProbability.probability(threshold);
    }
  }

  private final double perSecond;
  private final Attributes attributes;
  private final Clock clock;
  private final AtomicLong windowEnd;
  private final AtomicLong arrivals = new AtomicLong();
  private volatile Estimate current;

  ConsistentRate(double perSecond, Attributes attributes, Clock clock) {
    if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
      throw new IllegalArgumentException("rate must be a positive number, got " + perSecond);
    }
    this.perSecond = perSecond;
    this.attributes = attributes;
    this.clock = clock;
    this.windowEnd = new AtomicLong(clock.nanoTime() + WINDOW_NANOS);
    // Nothing observed yet: keep everything until the first window closes.
    this.current = new Estimate(0, 0, 0, MIN_SURGE_ARRIVALS, keep(0));
  }

  /** Decides for one root; {@code null} when not chosen. Never blocks, allocates nothing. */
  SamplingResult decide(String traceId) {
    long now = clock.nanoTime();
    long end = windowEnd.get();
    Estimate e = current;
    if ((now - end >= 0 || arrivals.get() >= e.surgeArrivals)
        && windowEnd.compareAndSet(end, now + WINDOW_NANOS)) {
      e = roll(e, now, end);
    }
    arrivals.incrementAndGet(); // this root belongs to the window its decision used
    return ConsistentProbability.randomness(traceId) >= e.threshold ? e.keep : null;
  }

  /**
   * Run by the one thread that closed the window that was due to end at {@code end}. Its arrivals
   * happened before {@code min(now, end)}; from there to {@code now} nothing arrived (a lull).
   */
  private Estimate roll(Estimate e, long now, long end) {
    long n = arrivals.getAndSet(0);
    long closed = Math.min(now, end);
    double b = decay(closed - (end - WINDOW_NANOS));
    double count = e.decayedCount * b + n;
    double seconds = e.decayedSeconds * b + ADAPTATION_SECONDS * (1 - b);
    double idle = decay(now - closed);
    count *= idle;
    seconds = seconds * idle + ADAPTATION_SECONDS * (1 - idle);
    // Never over less than one window: a burst in the first milliseconds is not a rate.
    double rate = count / Math.max(seconds, WINDOW_SECONDS);
    long threshold =
        rate <= perSecond
            ? 0
            : Math.min(
                ConsistentProbability.threshold(perSecond / rate),
                ConsistentProbability.MAX_THRESHOLD - 1);
    long surge = Math.max(MIN_SURGE_ARRIVALS, (long) Math.ceil(2 * rate * WINDOW_SECONDS));
    SamplingResult keep = threshold == e.threshold ? e.keep : keep(threshold);
    Estimate next = new Estimate(count, seconds, threshold, surge, keep);
    current = next;
    return next;
  }

  /** {@code exp(-Δt / τ)} for a time span in nanoseconds (negative spans count as none). */
  private static double decay(long nanos) {
    return Math.exp(-Math.max(0, nanos) / 1e9 / ADAPTATION_SECONDS);
  }

  private SamplingResult keep(long threshold) {
    return new KeepResult(attributes, ConsistentProbability.encodeThreshold(threshold));
  }

  /** The estimate decisions currently use (tests). */
  Estimate estimate() {
    return current;
  }

  double perSecond() {
    return perSecond;
  }
}
