package io.reqlens.report.internal.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The count and error-share intervals: exact cases by hand, and coverage measured by simulating
 * Bernoulli sampling of known populations (seeded: the same draws every run, so these cannot pass
 * or fail by chance; the bounds leave room for the Monte Carlo error of 4000 draws).
 */
class CountEstimateTest {

  private static final double Z95 = 1.959963984540054;
  private static final double Z999 = 3.2905267314919255;

  @Test
  void requestsKeptWithProbabilityOneAreCountedExactly() {
    CountEstimate e = new CountEstimate();
    for (int i = 0; i < 10; i++) {
      e.add(1, i < 3);
    }
    assertThat(e.estimate()).isEqualTo(10);
    assertThat(e.interval(Z95)).containsExactly(10, 10);
    assertThat(e.errorShare()).isEqualTo(0.3);
    assertThat(e.errorShareInterval(Z95)).containsExactly(0.3, 0.3);
    assertThat(e.minRate()).isEqualTo(1);
  }

  /** With one probability the interval is the binomial score interval for the number of trials. */
  @Test
  void withOneProbabilityTheCountIntervalIsTheBinomialScoreInterval() {
    CountEstimate e = new CountEstimate();
    for (int i = 0; i < 40; i++) {
      e.add(10, false); // 40 kept at p = 0.1
    }
    double[] ci = e.interval(Z95);
    assertThat(e.estimate()).isEqualTo(400);
    assertThat(e.variance()).isEqualTo(40 * 0.9 / 0.01, within(1e-9));
    // Both ends solve (k - N p)^2 = z^2 N p (1 - p) for N, with k = 40 kept.
    for (double n : ci) {
      assertThat(Math.pow(40 - n * 0.1, 2)).isCloseTo(Z95 * Z95 * n * 0.1 * 0.9, within(1e-6));
    }
    assertThat(ci[0]).isLessThan(400);
    assertThat(ci[1]).isGreaterThan(400);
  }

  @Test
  void theLowerEndIsNeverBelowWhatWasKept() {
    CountEstimate e = new CountEstimate();
    e.add(1000, false); // one request kept at p = 0.001
    e.add(1, true);
    double[] ci = e.interval(Z999);
    assertThat(ci[0]).isGreaterThanOrEqualTo(2);
    assertThat(ci[1]).isGreaterThan(1000);
  }

  /**
   * Coverage of the count interval: a route of {@code n} requests, {@code errors} of them kept with
   * probability 1 (keep-errors), the rest with {@code p}; 4000 simulated samplings (those keeping
   * nothing left out: such a route does not appear in a report).
   */
  @ParameterizedTest(name = "n={0} p={1} errors={2}")
  @CsvSource({
    "30, 0.1, 0",
    "200, 0.1, 0",
    "200, 0.5, 20",
    "1000, 0.1, 50",
    "2000, 0.02, 0",
  })
  void countAndErrorIntervalsCoverAtLeastTheirLevel(int n, double p, int errors) {
    SplittableRandom random = new SplittableRandom(n * 31L + errors);
    int draws = 4000;
    int missCount95 = 0;
    int missCount999 = 0;
    int missShare95 = 0;
    double trueShare = errors / (double) n;
    for (int d = 0; d < draws; d++) {
      CountEstimate e = new CountEstimate();
      for (int i = 0; i < n; i++) {
        if (i < errors) {
          e.add(1, true);
        } else if (random.nextDouble() < p) {
          e.add(1 / p, false);
        }
      }
      if (e.kept() == 0) {
        continue; // a route nothing was kept of is not in the report: no interval to judge
      }
      double[] c95 = e.interval(Z95);
      double[] c999 = e.interval(Z999);
      double[] s95 = e.errorShareInterval(Z95);
      missCount95 += n < c95[0] || n > c95[1] ? 1 : 0;
      missCount999 += n < c999[0] || n > c999[1] ? 1 : 0;
      missShare95 += trueShare < s95[0] - 1e-12 || trueShare > s95[1] + 1e-12 ? 1 : 0;
    }
    // Expected misses: 200 at 95 % (sd 14), 4 at 99.9 % (sd 2).
    assertThat(missCount95).as("count misses at 95 %").isLessThanOrEqualTo(260);
    assertThat(missCount999).as("count misses at 99.9 %").isLessThanOrEqualTo(12);
    assertThat(missShare95).as("error share misses at 95 %").isLessThanOrEqualTo(260);
  }

  /**
   * Probabilities that vary from request to request, as a {@code rate=} rule's do: 1 until its
   * first estimate, then between 0.15 and 0.3 as the load moves (240 requests, about 60 kept).
   */
  @Test
  void varyingProbabilitiesStillCoverAtTheirLevel() {
    SplittableRandom random = new SplittableRandom(240);
    int n = 240;
    int misses95 = 0;
    int misses999 = 0;
    for (int d = 0; d < 4000; d++) {
      CountEstimate e = new CountEstimate();
      for (int i = 0; i < n; i++) {
        double p = i < 10 ? 1 : 0.15 + 0.15 * ((i / 20) % 2) + 0.001 * (i % 20);
        if (random.nextDouble() < p) {
          e.add(1 / p, false);
        }
      }
      double[] c95 = e.interval(Z95);
      double[] c999 = e.interval(Z999);
      misses95 += n < c95[0] || n > c95[1] ? 1 : 0;
      misses999 += n < c999[0] || n > c999[1] ? 1 : 0;
    }
    assertThat(misses95).isLessThanOrEqualTo(260);
    assertThat(misses999).isLessThanOrEqualTo(12);
  }

  /** Error share without keep-errors: errors sampled like the rest. */
  @Test
  void sampledErrorsGetADeltaMethodInterval() {
    SplittableRandom random = new SplittableRandom(7);
    int n = 2000;
    double p = 0.1;
    double share = 0.05;
    int misses = 0;
    for (int d = 0; d < 4000; d++) {
      CountEstimate e = new CountEstimate();
      for (int i = 0; i < n; i++) {
        if (random.nextDouble() < p) {
          e.add(1 / p, i < share * n);
        }
      }
      double[] ci = e.errorShareInterval(Z95);
      misses += share < ci[0] || share > ci[1] ? 1 : 0;
    }
    assertThat(misses).isLessThanOrEqualTo(260);
  }

  @Test
  void noErrorAmongFewKeptStillLeavesRoomAbove() {
    CountEstimate e = new CountEstimate();
    for (int i = 0; i < 22; i++) {
      e.add(10, false);
    }
    double[] ci = e.errorShareInterval(Z95);
    assertThat(ci[0]).isZero();
    assertThat(ci[1]).isCloseTo(Z95 * Z95 / (22 + Z95 * Z95), within(1e-9));
  }

  @Test
  void anEmptyEstimateHasNoShare() {
    CountEstimate e = new CountEstimate();
    assertThat(e.estimate()).isZero();
    assertThat(e.interval(Z95)).containsExactly(0, 0);
    assertThat(e.errorShare()).isNaN();
    assertThat(e.minRate()).isNaN();
  }
}
