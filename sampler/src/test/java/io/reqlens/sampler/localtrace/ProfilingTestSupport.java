package io.reqlens.sampler.localtrace;

import static org.awaitility.Awaitility.await;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** What the code-profiling tests share: finding a trace's root, waiting for a thread to park. */
final class ProfilingTestSupport {

  private ProfilingTestSupport() {}

  static SpanData rootOf(List<SpanData> spans) {
    return spans.stream()
        .filter(s -> s.getKind() == SpanKind.SERVER)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no root among " + spans));
  }

  /** Polls (never sleeps a fixed time) until {@code thread} waits inside {@code method}. */
  static void awaitIn(Thread thread, String method) {
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(5))
        .until(
            () ->
                thread.getState() == Thread.State.WAITING
                    && Arrays.stream(thread.getStackTrace())
                        .anyMatch(e -> e.getMethodName().equals(method)));
  }
}
