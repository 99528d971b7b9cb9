package io.reqlens.core.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.TraceState;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The exporters' reading of {@code ot=th:} agrees with the sampler's writing of it. */
class SampleRatesTest {

  @Test
  void absentOrMalformedThresholdMeansKeptWithCertainty() {
    assertThat(ConsistentProbability.sampleRate(TraceState.getDefault())).isEqualTo(1.0);
    assertThat(rate("rv:abcdef")).isEqualTo(1.0);
    assertThat(rate("th:xyz")).isEqualTo(1.0);
    assertThat(rate("th:123456789abcdef")).isEqualTo(1.0);
    assertThat(rate("th:")).isEqualTo(1.0);
  }

  @Test
  void readsWellKnownThresholds() {
    assertThat(rate("th:0")).isEqualTo(1.0);
    assertThat(rate("th:8")).isEqualTo(0.5);
    assertThat(rate("th:c")).isEqualTo(0.25);
    assertThat(rate("rv:00112233445566;th:e")).isEqualTo(0.125);
  }

  @Test
  void roundTripsEveryThresholdTheSamplerWrites() {
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < 10_000; i++) {
      double p = Math.max(random.nextDouble(), 1e-12);
      String encoded = ConsistentProbability.encodeThreshold(ConsistentProbability.threshold(p));
      TraceState ts = ConsistentProbability.withThreshold(TraceState.getDefault(), encoded);
      // The threshold keeps 56 bits, so the probability read back is p to within 2^-57.
      assertThat(ConsistentProbability.sampleRate(ts))
          .isCloseTo(p, org.assertj.core.data.Offset.offset(1e-16));
    }
  }

  private static double rate(String ot) {
    return ConsistentProbability.sampleRate(TraceState.builder().put("ot", ot).build());
  }
}
