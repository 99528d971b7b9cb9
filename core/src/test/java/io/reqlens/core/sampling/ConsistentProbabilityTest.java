package io.reqlens.core.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.TraceState;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConsistentProbabilityTest {

  /** Oracle independent of the production arithmetic: exact decimal math. */
  private static long expectedThreshold(double p) {
    BigDecimal two56 = new BigDecimal(BigInteger.ONE.shiftLeft(56));
    BigDecimal kept = new BigDecimal(p).multiply(two56).setScale(0, RoundingMode.HALF_UP);
    return two56.subtract(kept).longValueExact();
  }

  @ParameterizedTest
  @ValueSource(doubles = {0, 1e-9, 0.001, 0.01, 0.1, 0.25, 1.0 / 3, 0.5, 0.75, 0.9, 0.999, 1})
  void thresholdIsRoundedOneMinusPTimes2To56(double p) {
    assertThat(ConsistentProbability.threshold(p)).isEqualTo(expectedThreshold(p));
    assertThat(ConsistentProbability.probability(ConsistentProbability.threshold(p)))
        .isCloseTo(p, org.assertj.core.data.Offset.offset(1e-15));
  }

  @ParameterizedTest
  @CsvSource({
    "1.0, 0",
    "0.5, 8",
    "0.25, c",
    "0.75, 4",
    "0.1, e6666666666666",
    "0.01, fd70a3d70a3d71",
    "0.0625, f",
  })
  void encodesThresholdAsOtep235Hex(double p, String th) {
    assertThat(ConsistentProbability.encodeThreshold(ConsistentProbability.threshold(p)))
        .isEqualTo(th);
    assertThat(ConsistentProbability.parseThreshold("th:" + th))
        .isEqualTo(ConsistentProbability.threshold(p));
  }

  @Test
  void randomnessIsTheLow56BitsOfTheTraceId() {
    assertThat(ConsistentProbability.randomness("0123456789abcdef00ffffffffffffff"))
        .isEqualTo(0x00ffffffffffffffL);
    assertThat(ConsistentProbability.randomness("ffffffffffffffffff00000000000001")).isEqualTo(1L);
    assertThat(ConsistentProbability.randomness("0000000000000000ab1234567890ABCD"))
        .isEqualTo(0x1234567890abcdL);
  }

  @Test
  void parsesThresholdAmongOtherSubKeysAndRejectsGarbage() {
    assertThat(ConsistentProbability.parseThreshold("rv:0123456789abcd;th:8")).isEqualTo(1L << 55);
    assertThat(ConsistentProbability.parseThreshold("th:8;rv:0123456789abcd")).isEqualTo(1L << 55);
    assertThat(ConsistentProbability.parseThreshold("rv:0123456789abcd")).isEqualTo(-1);
    assertThat(ConsistentProbability.parseThreshold("th:")).isEqualTo(-1);
    assertThat(ConsistentProbability.parseThreshold("th:xyz")).isEqualTo(-1);
    assertThat(ConsistentProbability.parseThreshold("th:123456789abcdef")).isEqualTo(-1);
    assertThat(ConsistentProbability.parseThreshold(null)).isEqualTo(-1);
  }

  @Test
  void writesAndRemovesThresholdKeepingOtherEntries() {
    TraceState parent =
        TraceState.builder().put("vendor", "x").put("ot", "rv:0123456789abcd;th:c").build();
    TraceState updated = ConsistentProbability.withThreshold(parent, "8");
    assertThat(updated.get("ot")).isEqualTo("th:8;rv:0123456789abcd");
    assertThat(updated.get("vendor")).isEqualTo("x");

    TraceState erased = ConsistentProbability.withoutThreshold(parent);
    assertThat(erased.get("ot")).isEqualTo("rv:0123456789abcd");
    assertThat(erased.get("vendor")).isEqualTo("x");

    TraceState onlyTh = TraceState.builder().put("ot", "th:c").build();
    assertThat(ConsistentProbability.withoutThreshold(onlyTh).get("ot")).isNull();
    assertThat(ConsistentProbability.withoutThreshold(TraceState.getDefault()))
        .isSameAs(TraceState.getDefault());
  }
}
