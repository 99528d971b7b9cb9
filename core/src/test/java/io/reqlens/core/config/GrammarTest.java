package io.reqlens.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The one grammar for durations and sizes, which every environment key and every command-line
 * option uses: one table each, accepted and rejected values side by side.
 */
class GrammarTest {

  @ParameterizedTest(name = "{0} = {1} ns")
  @CsvSource({
    "250ms, 250000000",
    "2s, 2000000000",
    "1.5s, 1500000000",
    "1m30s, 90000000000",
    "1h, 3600000000000",
    "1h30m, 5400000000000",
    "2d, 172800000000000",
    "1w, 604800000000000",
    "300, 300000000",
    "0, 0",
    "'  250 MS ', 250000000",
    "1m 30s, 90000000000",
    "10us, 10000",
    "10µs, 10000",
    "5ns, 5",
  })
  void durationsAccepted(String text, long nanos) {
    assertThat(Durations.parseNanos(text)).isEqualTo(nanos);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "'', empty",
    "ms, not a duration",
    "-5s, not a duration",
    "1m30, not a duration",
    "5 parsecs, unknown unit 'parsecs'",
    "1.2.3s, not a duration",
    "99999999999d, too long",
    "2x, unknown unit 'x'",
  })
  void durationsRejected(String text, String reason) {
    assertThatThrownBy(() -> Durations.parseNanos(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(reason)
        .hasMessageContaining("accepted: " + Durations.ACCEPTED);
  }

  @ParameterizedTest(name = "{0} formats as {1}")
  @CsvSource({
    "250000000, 250ms",
    "90000000000, 1m30s",
    "3600000000000, 1h",
    "0, 0ms",
    "1500, 1us500ns",
  })
  void durationsFormatBackIntoTheGrammar(long nanos, String text) {
    assertThat(Durations.format(Duration.ofNanos(nanos))).isEqualTo(text);
    assertThat(Durations.parseNanos(text)).isEqualTo(nanos);
  }

  @ParameterizedTest(name = "{0} = {1} bytes")
  @CsvSource({
    "1024, 1024",
    "16MiB, 16777216",
    "16mb, 16777216",
    "16M, 16777216",
    "512 KiB, 524288",
    "1GiB, 1073741824",
    "2gb, 2147483648",
    "7B, 7",
    "0, 0",
  })
  void sizesAccepted(String text, long bytes) {
    assertThat(ByteSizes.parse(text)).isEqualTo(bytes);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "'', not a size",
    "1.5MiB, not a size",
    "-1, not a size",
    "16TiB, not a size",
    "99999999999999GiB, too large",
  })
  void sizesRejected(String text, String reason) {
    assertThatThrownBy(() -> ByteSizes.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(reason)
        .hasMessageContaining("accepted: " + ByteSizes.ACCEPTED);
  }

  @ParameterizedTest(name = "{0} formats as {1}")
  @CsvSource({"16777216, 16MiB", "1073741824, 1GiB", "1000, 1000", "2048, 2KiB"})
  void sizesFormatBackIntoTheGrammar(long bytes, String text) {
    assertThat(ByteSizes.format(bytes)).isEqualTo(text);
    assertThat(ByteSizes.parse(text)).isEqualTo(bytes);
  }
}
