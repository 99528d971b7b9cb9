package io.reqlens.examples.e2e;

import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import io.reqlens.examples.launch.ServiceClient;
import io.reqlens.examples.otlp.OtlpReceiver;
import io.reqlens.examples.otlp.ReceivedSpan;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit extension that runs one {@link OtlpReceiver} and one {@link ServiceProcess} (the example
 * service under the agent) for all tests of a class, so a configuration costs one JVM start:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final AgentService SERVICE =
 *     AgentService.configured("sampling", Map.of("OTEL_TRACES_SAMPLER", "reqlens"));
 * }</pre>
 *
 * <p>Tests share the service, so they must identify their own requests by trace id (every response
 * carries {@code traceresponse}), never by "all spans received".
 */
final class AgentService implements BeforeAllCallback, AfterAllCallback {

  private final String name;
  private final Map<String, String> env;
  private OtlpReceiver otlp;
  private ServiceProcess process;

  private AgentService(String name, Map<String, String> env) {
    this.name = name;
    this.env = env;
  }

  /** A service named {@code name} (its log is {@code target/e2e/<name>.log}) with {@code env}. */
  static AgentService configured(String name, Map<String, String> env) {
    return new AgentService(name, env);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    otlp = OtlpReceiver.start();
    process = ServiceProcess.start(name, otlp, env);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (process != null) {
      process.close();
    }
    if (otlp != null) {
      otlp.close();
    }
  }

  OtlpReceiver otlp() {
    return otlp;
  }

  ServiceClient http() {
    return process.http();
  }

  ServiceProcess process() {
    return process;
  }

  /** See {@link Barrier#pass}: after this, spans of earlier requests have all arrived. */
  String barrier(String markerPath) {
    return Barrier.pass(http(), otlp, markerPath);
  }

  /** Waits for the SERVER span of a trace that is expected to be kept. */
  ReceivedSpan awaitServerSpan(String traceId) {
    try {
      return otlp.awaitSpan(
          s -> s.traceId().equals(traceId) && s.kind() == SpanKind.SPAN_KIND_SERVER,
          Barrier.TIMEOUT);
    } catch (TimeoutException e) {
      throw new AssertionError("no server span for trace " + traceId + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** The spans of one trace received so far. */
  List<ReceivedSpan> spansOf(String traceId) {
    return otlp.spansOfTrace(traceId);
  }
}
