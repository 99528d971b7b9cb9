package io.reqlens.sampler;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.TraceState;
import io.reqlens.sampler.internal.SampleRates;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The exporters' reading of {@code ot=th:} agrees with the sampler's writing of it. */
class SampleRatesTest {

  @Test
  void absentOrMalformedThresholdMeansKeptWithCertainty() {
    assertThat(SampleRates.fromTraceState(TraceState.getDefault())).isEqualTo(1.0);
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
      double p = random.nextDouble();
      long threshold = ConsistentProbability.threshold(p);
      String encoded = ConsistentProbability.encodeThreshold(threshold);
      TraceState ts = ConsistentProbability.withThreshold(TraceState.getDefault(), encoded);
      long parsed = ConsistentProbability.parseThreshold(ts.get("ot"));
      assertThat(SampleRates.fromTraceState(ts))
          .isEqualTo(ConsistentProbability.probability(parsed));
    }
  }

  private static double rate(String ot) {
    return SampleRates.fromTraceState(TraceState.builder().put("ot", ot).build());
  }
}
