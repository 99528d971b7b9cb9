package io.reqlens.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.sdk.testing.time.TestClock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

  private final TestClock clock = TestClock.create();

  private int acquired(RateLimiter limiter, int attempts) {
    int n = 0;
    for (int i = 0; i < attempts; i++) {
      if (limiter.tryAcquire()) {
        n++;
      }
    }
    return n;
  }

  @Test
  void startsWithAFullBucketOfN() {
    RateLimiter limiter = new RateLimiter(10, clock);
    assertThat(acquired(limiter, 100)).isEqualTo(10);
  }

  @Test
  void refillsAtNPerSecond() {
    RateLimiter limiter = new RateLimiter(10, clock);
    acquired(limiter, 100);
    clock.advance(Duration.ofMillis(100));
    assertThat(acquired(limiter, 100)).isEqualTo(1);
    clock.advance(Duration.ofMillis(500));
    assertThat(acquired(limiter, 100)).isEqualTo(5);
    clock.advance(Duration.ofSeconds(60));
    assertThat(acquired(limiter, 100)).as("never more than the burst").isEqualTo(10);
  }

  @Test
  void neverExceedsRateTimesTimePlusBurstOverALongRun() {
    RateLimiter limiter = new RateLimiter(3, clock);
    int total = 0;
    for (int ms = 0; ms < 10_000; ms += 7) {
      total += acquired(limiter, 5);
      clock.advance(Duration.ofMillis(7));
    }
    // 10 s at 3/s plus the initial burst of 3.
    assertThat(total).isBetween(30, 33);
  }

  @Test
  void fractionalRatesSpaceTracesOut() {
    RateLimiter limiter = new RateLimiter(0.5, clock);
    assertThat(acquired(limiter, 10)).isEqualTo(1);
    clock.advance(Duration.ofMillis(1999));
    assertThat(limiter.tryAcquire()).isFalse();
    clock.advance(Duration.ofMillis(1));
    assertThat(limiter.tryAcquire()).isTrue();
  }

  @Test
  void concurrentCallersShareTheBudgetExactly() throws Exception {
    RateLimiter limiter = new RateLimiter(1000, clock);
    AtomicInteger granted = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    for (int t = 0; t < 8; t++) {
      pool.execute(
          () -> {
            for (int i = 0; i < 10_000; i++) {
              if (limiter.tryAcquire()) {
                granted.incrementAndGet();
              }
            }
          });
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    assertThat(granted.get()).isEqualTo(1000);
  }

  @Test
  void rejectsNonPositiveRates() {
    assertThatThrownBy(() -> new RateLimiter(0, clock))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RateLimiter(Double.NaN, clock))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
