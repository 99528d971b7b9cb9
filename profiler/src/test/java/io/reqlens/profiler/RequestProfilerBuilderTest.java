package io.reqlens.profiler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Builder errors name the setting, the value and what is accepted. */
class RequestProfilerBuilderTest {

  static Stream<Arguments> invalidSettings() {
    return Stream.of(
        bad(b -> b.setInterval(Duration.ZERO), "interval must be from 1ms to 60s, got 0ms"),
        bad(
            b -> b.setInterval(500, TimeUnit.MICROSECONDS),
            "interval must be from 1ms to 60s, got 500us"),
        bad(
            b -> b.setInterval(Duration.ofMinutes(2)),
            "interval must be from 1ms to 60s, got 120s"),
        bad(b -> b.setAfter(Duration.ofMillis(-1)), "after must be from 0ms to 3600s, got -1ms"),
        bad(b -> b.setAfter(Duration.ofHours(2)), "after must be from 0ms to 3600s, got 7200s"),
        bad(
            b -> b.setMaxRecordingDuration(Duration.ofMillis(999)),
            "maxRecordingDuration must be from 1s to 86400s, got 999ms"),
        bad(b -> b.setMaxStackDepth(0), "maxStackDepth must be from 1 to 4096, got 0"),
        bad(b -> b.setMaxThreadsPerTick(0), "maxThreadsPerTick must be from 1 to 4096, got 0"),
        bad(
            b -> b.setMaxStacksPerRecording(-3),
            "maxStacksPerRecording must be from 1 to 65536, got -3"),
        bad(b -> b.setMaxTotalStacks(0), "maxTotalStacks must be from 1 to 16777216, got 0"),
        bad(b -> b.setMaxRecordings(0), "maxRecordings must be from 1 to 1048576, got 0"),
        bad(
            b -> b.setMaxOverhead(0),
            "maxOverhead must be from 0.001 to 1 (a share of one core), got 0.0"),
        bad(
            b -> b.setMaxOverhead(Double.NaN),
            "maxOverhead must be from 0.001 to 1 (a share of one core), got NaN"),
        bad(
            b ->
                b.setAfter(Duration.ofSeconds(2))
                    .setMaxRecordingDuration(Duration.ofSeconds(2))
                    .build(),
            "maxRecordingDuration must be longer than after (2s), got 2s"));
  }

  private static Arguments bad(Consumer<RequestProfilerBuilder> setting, String message) {
    return Arguments.of(setting, message);
  }

  @ParameterizedTest
  @MethodSource("invalidSettings")
  void invalidSettingIsRejectedWithItsNameTheValueAndWhatIsAccepted(
      Consumer<RequestProfilerBuilder> setting, String message) {
    assertThatThrownBy(() -> setting.accept(RequestProfiler.builder()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void nullsAreRejectedWithTheSettingsName() {
    assertThatThrownBy(() -> RequestProfiler.builder().setInterval(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("interval");
    assertThatThrownBy(() -> RequestProfiler.builder().setTicker(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("ticker");
  }

  @Test
  void toStringShowsTheEffectiveConfiguration() {
    try (RequestProfiler defaults = RequestProfiler.builder().setTickThread(false).build()) {
      assertThat(defaults)
          .hasToString(
              "RequestProfiler{interval=10ms, after=20ms, maxRecordingDuration=300s,"
                  + " maxStackDepth=128, maxThreadsPerTick=64, maxStacksPerRecording=256,"
                  + " maxTotalStacks=16384, maxRecordings=4096, maxOverhead=0.02,"
                  + " tickThread=false}");
    }
    try (RequestProfiler custom =
        RequestProfiler.builder()
            .setInterval(5, TimeUnit.MILLISECONDS)
            .setAfter(Duration.ZERO)
            .setMaxStackDepth(64)
            .setTickThread(false)
            .build()) {
      assertThat(custom.toString()).contains("interval=5ms, after=0ms,", "maxStackDepth=64");
    }
  }
}
