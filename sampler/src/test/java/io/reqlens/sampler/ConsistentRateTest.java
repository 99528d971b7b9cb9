package io.reqlens.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.sdk.testing.time.TestClock;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import io.reqlens.core.sampling.ConsistentProbability;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The adaptive {@code rate=N/s} sampler with a driven clock. What it keeps depends on the trace
 * ids; the probability it applies depends only on arrival times, so most assertions are on the
 * probability (deterministic), and ids come from seeded generators.
 */
class ConsistentRateTest {

  private final TestClock clock = TestClock.create();
  private final SplittableRandom ids = new SplittableRandom(16);

  private String nextId() {
    return String.format("%016x%016x", ids.nextLong(), ids.nextLong());
  }

  private ConsistentRate rate(double perSecond) {
    return new ConsistentRate(perSecond, Attributes.empty(), clock);
  }

  /** Sends {@code perSecond} arrivals a second for {@code seconds}; returns the sum of p. */
  private double steady(ConsistentRate r, int perSecond, int seconds) {
    double expectedKept = 0;
    long gap = 1_000_000_000L / perSecond;
    for (int i = 0; i < perSecond * seconds; i++) {
      r.decide(nextId());
      expectedKept += r.estimate().probability();
      clock.advance(Duration.ofNanos(gap));
    }
    return expectedKept;
  }

  @Test
  void keepsEverythingWithThZeroUntilItHasSeenTraffic() {
    ConsistentRate r = rate(2);
    for (int i = 0; i < 10; i++) {
      SamplingResult kept = r.decide(nextId());
      assertThat(kept).isNotNull();
      assertThat(kept.getUpdatedTraceState(TraceState.getDefault()).get("ot")).isEqualTo("th:0");
    }
  }

  @Test
  void settlesOnNPerSecondOnAverage() {
    ConsistentRate r = rate(5);
    steady(r, 200, 3);
    double expected = steady(r, 200, 10);
    assertThat(expected)
        .as("expected kept in 10 s")
        .isCloseTo(50, org.assertj.core.data.Offset.offset(2.5));
    assertThat(r.estimate().probability())
        .isCloseTo(5 / 200.0, org.assertj.core.data.Offset.offset(0.002));
  }

  @Test
  void writesTheThresholdItDecidedWith() {
    ConsistentRate r = rate(5);
    steady(r, 100, 2);
    int kept = 0;
    for (int i = 0; i < 2000; i++) {
      String id = nextId();
      long threshold = r.estimate().threshold;
      SamplingResult result = r.decide(id);
      long used = r.estimate().threshold;
      if (used != threshold) {
        continue; // a window closed on this call: the new threshold applies, checked below
      }
      boolean chosen = ConsistentProbability.randomness(id) >= threshold;
      assertThat(result != null).isEqualTo(chosen);
      if (result != null) {
        kept++;
        String ot = result.getUpdatedTraceState(TraceState.getDefault()).get("ot");
        assertThat(ConsistentProbability.parseThreshold(ot)).isEqualTo(threshold);
      }
      clock.advance(Duration.ofMillis(10));
    }
    assertThat(kept).isPositive();
  }

  @Test
  void aSurgeLowersTheProbabilityWithinAFewRequests() {
    ConsistentRate r = rate(2);
    steady(r, 10, 5);
    double before = r.estimate().probability();
    assertThat(before).isCloseTo(0.2, org.assertj.core.data.Offset.offset(0.02));
    // 1000 a second now: the window closes early after twice what the estimate expects.
    int requests = 0;
    while (r.estimate().probability() >= before) {
      r.decide(nextId());
      clock.advance(Duration.ofMillis(1));
      requests++;
    }
    assertThat(requests).isLessThanOrEqualTo((int) ConsistentRate.MIN_SURGE_ARRIVALS + 1);
    double expectedKept = steady(r, 1000, 1);
    assertThat(expectedKept).as("kept in the first second of the surge").isBetween(2.0, 30.0);
    assertThat(steady(r, 1000, 5) / 5)
        .as("then about N a second")
        .isCloseTo(2.0, org.assertj.core.data.Offset.offset(0.3));
  }

  @Test
  void afterALullEverythingIsKeptAgain() {
    ConsistentRate r = rate(2);
    steady(r, 100, 3);
    assertThat(r.estimate().probability()).isLessThan(0.1);
    clock.advance(Duration.ofSeconds(30));
    r.decide(nextId());
    assertThat(r.estimate().probability()).isEqualTo(1.0);
  }

  /**
   * Horvitz–Thompson: the sum of 1/p over the kept roots estimates the number of arrivals. The ids
   * are seeded, so this is deterministic; the bound is four standard deviations of the estimate.
   */
  @Test
  void reweightingByTheWrittenProbabilityCountsTheArrivals() {
    ConsistentRate r = rate(20);
    int n = 0;
    double estimate = 0;
    double variance = 0;
    for (int second = 0; second < 30; second++) {
      int perSecond = second % 10 < 5 ? 100 : 400; // a changing load
      for (int i = 0; i < perSecond; i++) {
        SamplingResult kept = r.decide(nextId());
        n++;
        if (kept != null) {
          double p =
              ConsistentProbability.sampleRate(kept.getUpdatedTraceState(TraceState.getDefault()));
          estimate += 1 / p;
          variance += (1 - p) / (p * p);
        }
        clock.advance(Duration.ofNanos(1_000_000_000L / perSecond));
      }
    }
    assertThat(estimate).isBetween(n - 4 * Math.sqrt(variance), n + 4 * Math.sqrt(variance));
  }

  @Test
  void manyThreadsNeitherBlockNorBreakTheEstimate() throws Exception {
    ConsistentRate r =
        new ConsistentRate(10, Attributes.empty(), io.opentelemetry.sdk.common.Clock.getDefault());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<Integer>> results = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      long seed = t;
      results.add(
          pool.submit(
              () -> {
                SplittableRandom random = new SplittableRandom(seed);
                int kept = 0;
                for (int i = 0; i < 50_000; i++) {
                  String id = String.format("%016x%016x", random.nextLong(), random.nextLong());
                  if (r.decide(id) != null) {
                    kept++;
                  }
                }
                return kept;
              }));
    }
    int kept = 0;
    for (Future<Integer> f : results) {
      kept += f.get();
    }
    pool.shutdown();
    assertThat(kept).isLessThan(200_000);
    long threshold = r.estimate().threshold;
    assertThat(threshold).isBetween(0L, ConsistentProbability.MAX_THRESHOLD - 1);
  }

  @Test
  void rejectsNonPositiveRates() {
    assertThatThrownBy(() -> rate(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> rate(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
  }
}
