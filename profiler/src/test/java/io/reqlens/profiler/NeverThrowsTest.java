package io.reqlens.profiler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The request-thread API never throws and never blocks on misuse, after shutdown, or disabled. */
class NeverThrowsTest {

  private final FakeTicker ticker = new FakeTicker();

  @Test
  void nullThreadGetsTheNoopRecording() {
    try (RequestProfiler profiler = FakeTicker.manual(ticker).build()) {
      Recording recording = profiler.start(null, 0);

      assertThat(recording.isNoop()).isTrue();
      recording.addThread(Thread.currentThread());
      recording.addThread(null);
      recording.removeThread(null);
      recording.discard();
      assertThat(recording.stop()).isNull();
      assertThat(profiler.stats().recordingsRejected()).isEqualTo(1);
      assertThat(profiler.stats().recordingsStarted()).isZero();
    }
  }

  @Test
  void misuseOfARecordingIsHarmless() {
    try (RequestProfiler profiler = FakeTicker.manual(ticker).build()) {
      Recording recording = profiler.start(Thread.currentThread(), 0);

      recording.removeThread(new Thread(() -> {}));
      recording.addThread(null);
      recording.removeThread(null);
      profiler.tick();
      Profile first = recording.stop();
      assertThat(first).isNotNull();
      assertThat(recording.stop()).as("stopped twice").isNull();
      recording.discard();
      recording.addThread(Thread.currentThread());
      recording.removeThread(Thread.currentThread());
      assertThat(first.stacks()).isNotEmpty(); // the profile is a copy
    }
  }

  @Test
  void afterShutdownStartsAreNoopsAndInFlightRecordingsKeepTheirSamples() {
    RequestProfiler profiler = FakeTicker.manual(ticker).build();
    Recording inFlight = profiler.start(Thread.currentThread(), 0);
    profiler.tick();

    profiler.shutdown();
    profiler.shutdown();
    profiler.close();
    profiler.tick();

    assertThat(profiler.start(Thread.currentThread()).isNoop()).isTrue();
    assertThat(profiler.stats().recordingsRegistered()).isZero();
    assertThat(profiler.stats().ticks()).isEqualTo(1);
    assertThat(inFlight.stop().samples()).isEqualTo(1);
    assertThat(profiler.toString()).contains("closed");
  }

  @Test
  void disabledProfilerRecordsNothing() {
    RequestProfiler disabled = RequestProfiler.disabled();

    Recording recording = disabled.start(Thread.currentThread(), 0);
    disabled.tick();
    disabled.close();

    assertThat(recording.isNoop()).isTrue();
    assertThat(recording.stop()).isNull();
    assertThat(disabled.stats().recordingsRejected()).isZero();
    assertThat(disabled.start(Thread.currentThread()).isNoop()).isTrue();
    assertThat(disabled).hasToString("RequestProfiler{disabled}");
  }

  @Test
  void aStartedButNeverSampledRequestAllocatesNoTable() {
    try (RequestProfiler profiler =
        FakeTicker.manual(ticker).setAfter(Duration.ofSeconds(1)).build()) {
      Recording recording = profiler.start(Thread.currentThread());
      profiler.tick();

      assertThat(recording.table).isNull();
      assertThat(recording.others).isNull();
      assertThat(recording.stop()).isNull();
    }
  }
}
