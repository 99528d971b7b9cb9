package io.reqlens.examples.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import io.reqlens.examples.launch.ServiceClient;
import io.reqlens.examples.otlp.OtlpReceiver;
import io.reqlens.examples.otlp.ReceivedSpan;
import io.reqlens.instrumentation.testkit.SpanSink;
import io.reqlens.instrumentation.testkit.SpanView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * The test kit's strict {@link SpanSink} over a real OTLP receiver fed by a service in a child JVM.
 * The receiver must be dedicated to one service and one test class: every span it receives belongs
 * to the kit, and any span nobody takes fails the test.
 *
 * <p>Why a marker request? Spans cross a batch processor and the network, so "no more spans within
 * a quiet period" proves nothing on its own. The service exports spans in the order they end (see
 * {@link Barrier}), so once a marker request sent afterwards has its span here, every span ended
 * before has arrived; marker traces are then ignored.
 */
final class OtlpSpanSink implements SpanSink {

  private final OtlpReceiver otlp;
  private final ServiceClient http;
  private final String markerPath;
  private final Set<String> markerTraces = new HashSet<>(); // guarded by this
  private int taken; // guarded by this; spans taken since the last reset, markers not counted

  /**
   * @param markerPath a path the service answers with exactly one kept SERVER span and nothing
   *     else, e.g. {@code /kit/hello}
   */
  OtlpSpanSink(OtlpReceiver otlp, ServiceClient http, String markerPath) {
    this.otlp = otlp;
    this.http = http;
    this.markerPath = markerPath;
  }

  @Override
  public synchronized List<SpanView> take(int count, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<ReceivedSpan> untaken = untaken();
    while (untaken.size() < count) {
      if (System.nanoTime() - deadline > 0) {
        fail(
            "expected %d more spans within %s, got %d: %s",
            count, timeout, untaken.size(), describe(untaken));
      }
      sleep(Duration.ofMillis(10));
      untaken = untaken();
    }
    taken += count;
    return untaken.subList(0, count).stream().map(SpanViews::of).collect(Collectors.toList());
  }

  @Override
  public synchronized void assertNoMoreSpans(Duration quietPeriod) {
    passMarker();
    sleep(quietPeriod);
    List<ReceivedSpan> extra = untaken();
    if (!extra.isEmpty()) {
      taken += extra.size();
      fail("%d span(s) nobody took: %s", extra.size(), describe(extra));
    }
  }

  /** Lets spans of earlier requests arrive (a marker), then forgets everything received. */
  @Override
  public synchronized void reset() {
    passMarker();
    otlp.clear();
    markerTraces.clear();
    taken = 0;
  }

  /** Sends the marker with a sampled parent and waits until its SERVER span has arrived. */
  private void passMarker() {
    String traceId = W3c.randomTraceId();
    markerTraces.add(traceId);
    ServiceClient.Response response =
        http.get(markerPath, W3c.traceparent(traceId, W3c.randomSpanId(), true));
    assertThat(response.status()).as("marker %s", markerPath).isEqualTo(200);
    try {
      otlp.awaitSpan(
          s -> s.traceId().equals(traceId) && s.kind() == SpanKind.SPAN_KIND_SERVER,
          Barrier.TIMEOUT);
    } catch (TimeoutException e) {
      throw new AssertionError("the marker's span did not arrive: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** Spans received since the last reset, in arrival order, less markers and those taken. */
  private List<ReceivedSpan> untaken() {
    List<ReceivedSpan> kit = new ArrayList<>();
    for (ReceivedSpan s : otlp.spans()) {
      if (!markerTraces.contains(s.traceId())) {
        kit.add(s);
      }
    }
    return kit.subList(Math.min(taken, kit.size()), kit.size());
  }

  private static String describe(List<ReceivedSpan> spans) {
    return spans.stream()
        .map(s -> s + " " + SpanViews.of(s).attributes())
        .collect(Collectors.joining(", ", "[", "]"));
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
