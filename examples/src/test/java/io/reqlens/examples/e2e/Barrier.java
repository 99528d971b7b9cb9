package io.reqlens.examples.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import io.reqlens.examples.launch.ServiceClient;
import io.reqlens.examples.otlp.OtlpReceiver;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * A marker request for "no span arrived" checks. The agent's BatchSpanProcessor exports spans in
 * the order they end, one batch after the other, so once the spans of a marker request sent after
 * the requests under test have arrived, every span those earlier requests had ended by then has
 * arrived too.
 *
 * <p><b>Never for what must arrive.</b> The agent ends a server span when Jetty completes the
 * response stream, after the response bytes are written, so the client can have its response, and
 * send the marker, before the earlier server span has ended; on a loaded machine the marker's trace
 * then arrives first (seen: a 404's DB event still held by the local-trace processor). A test waits
 * for each span or event it expects by the request's own trace id ({@link
 * ExampleService#awaitServerSpan}, {@link DataFiles#awaitEvents}); after this barrier it only
 * checks absence, which such a late span can make weaker for one run but never fail.
 *
 * <p>The marker must be a request the configuration keeps, with a database child.
 */
final class Barrier {

  /**
   * How long to wait for spans that must arrive (a failure timeout, never a measured bound). As
   * long as the child's OTLP export timeout: on a loaded machine an export can take that long.
   */
  static final Duration TIMEOUT = Duration.ofSeconds(60);

  private Barrier() {}

  /**
   * Sends {@code GET markerPath} and waits until its server span and a database span of its trace
   * have arrived.
   *
   * @return the marker's trace id
   */
  static String pass(ServiceClient http, OtlpReceiver otlp, String markerPath) {
    return pass(http, otlp, markerPath, null);
  }

  /**
   * As {@link #pass(ServiceClient, OtlpReceiver, String)}, the marker sent with {@code traceparent}
   * (a sampled one makes any path a marker where sampled parents are followed).
   */
  static String pass(ServiceClient http, OtlpReceiver otlp, String markerPath, String traceparent) {
    ServiceClient.Response marker =
        traceparent == null ? http.get(markerPath) : http.get(markerPath, traceparent);
    assertThat(marker.status()).as("marker %s status", markerPath).isEqualTo(200);
    String traceId = marker.traceId();
    assertThat(marker.sampled()).as("the barrier's marker %s must be sampled", markerPath).isTrue();
    await(otlp, traceId, SpanKind.SPAN_KIND_CLIENT);
    await(otlp, traceId, SpanKind.SPAN_KIND_SERVER);
    return traceId;
  }

  private static void await(OtlpReceiver otlp, String traceId, SpanKind kind) {
    try {
      otlp.awaitSpan(s -> s.traceId().equals(traceId) && s.kind() == kind, TIMEOUT);
    } catch (TimeoutException e) {
      throw new AssertionError(
          "marker trace " + traceId + " has no " + kind + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
