package io.reqlens.examples.otlp;

import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * A real OTLP/gRPC receiver on {@code 127.0.0.1} (an ephemeral port) that keeps everything it
 * receives in memory, for end-to-end tests and the demo.
 *
 * <p>It serves the trace, metrics and logs services, so an agent exporting all three never logs
 * export failures. Spans are kept in detail; of metrics, the latest value of each integer sum point
 * (counters) is kept by metric name and attributes; logs are counted. All methods are thread-safe;
 * the {@code await*} methods wake up on every received request.
 *
 * <pre>{@code
 * try (OtlpReceiver otlp = OtlpReceiver.start()) {
 *   // OTEL_EXPORTER_OTLP_PROTOCOL=grpc, OTEL_EXPORTER_OTLP_ENDPOINT=otlp.endpoint()
 *   ReceivedSpan s = otlp.awaitSpan(span -> span.traceId().equals(id), Duration.ofSeconds(30));
 * }
 * }</pre>
 */
public final class OtlpReceiver implements AutoCloseable {

  private static final int MAX_MESSAGE_BYTES = 64 << 20; // agent batches are far smaller

  private final Object lock = new Object();
  private final List<ReceivedSpan> spans = new ArrayList<>(); // guarded by lock
  private long metricRequests; // guarded by lock
  // metric name → point attributes → latest cumulative value; guarded by lock
  private final Map<String, Map<Map<String, String>, Long>> counters = new HashMap<>();
  private long logRequests; // guarded by lock
  private long lastSpansNanos = System.nanoTime(); // guarded by lock
  private final Server server;

  private OtlpReceiver() throws IOException {
    this.server =
        NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
            .maxInboundMessageSize(MAX_MESSAGE_BYTES)
            .addService(new OtlpServices.Traces(this::onTraces))
            .addService(new OtlpServices.Metrics(this::onMetrics))
            .addService(new OtlpServices.Logs(this::onLogs))
            .build()
            .start();
  }

  /** Starts a receiver on a free loopback port. */
  public static OtlpReceiver start() {
    try {
      return new OtlpReceiver();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the OTLP receiver", e);
    }
  }

  /** The port it listens on. */
  public int port() {
    return server.getPort();
  }

  /** The value for {@code OTEL_EXPORTER_OTLP_ENDPOINT}: {@code http://127.0.0.1:<port>}. */
  public String endpoint() {
    return "http://127.0.0.1:" + port();
  }

  /** Every span received so far, in arrival order (a copy). */
  public List<ReceivedSpan> spans() {
    synchronized (lock) {
      return new ArrayList<>(spans);
    }
  }

  /** The spans received so far that match {@code filter}. */
  public List<ReceivedSpan> spans(Predicate<ReceivedSpan> filter) {
    return spans().stream().filter(filter).toList();
  }

  /** The spans received so far with this trace id (32 hex digits). */
  public List<ReceivedSpan> spansOfTrace(String traceId) {
    return spans(s -> s.traceId().equals(traceId));
  }

  /** Number of metrics export requests received. */
  public long metricRequests() {
    synchronized (lock) {
      return metricRequests;
    }
  }

  /**
   * The latest value of a counter (an integer sum) summed over its points whose attributes include
   * {@code attributes}; {@code 0} when never received.
   */
  public long counter(String metricName, Map<String, String> attributes) {
    synchronized (lock) {
      long total = 0;
      for (Map.Entry<Map<String, String>, Long> point :
          counters.getOrDefault(metricName, Map.of()).entrySet()) {
        if (point.getKey().entrySet().containsAll(attributes.entrySet())) {
          total += point.getValue();
        }
      }
      return total;
    }
  }

  /** Number of logs export requests received. */
  public long logRequests() {
    synchronized (lock) {
      return logRequests;
    }
  }

  /**
   * Waits until a received span matches {@code filter} and returns the first that does.
   *
   * @throws TimeoutException after {@code timeout}, naming how many spans had arrived
   */
  public ReceivedSpan awaitSpan(Predicate<ReceivedSpan> filter, Duration timeout)
      throws TimeoutException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lock) {
      while (true) {
        for (ReceivedSpan s : spans) {
          if (filter.test(s)) {
            return s;
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new TimeoutException(
              "no matching span within " + timeout + "; " + spans.size() + " spans received");
        }
        TimeUnit.NANOSECONDS.timedWait(lock, left);
      }
    }
  }

  /**
   * Waits until no span has arrived for {@code quiet} (metrics and logs, exported periodically
   * whatever happens, do not count).
   *
   * @throws TimeoutException if spans keep arriving for {@code timeout}
   */
  public void awaitQuiet(Duration quiet, Duration timeout)
      throws TimeoutException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lock) {
      while (true) {
        long now = System.nanoTime();
        long quietLeft = lastSpansNanos + quiet.toNanos() - now;
        if (quietLeft <= 0) {
          return;
        }
        if (now - deadline >= 0) {
          throw new TimeoutException("spans still arriving after " + timeout);
        }
        TimeUnit.NANOSECONDS.timedWait(lock, Math.min(quietLeft, deadline - now));
      }
    }
  }

  /** Forgets everything received so far. */
  public void clear() {
    synchronized (lock) {
      spans.clear();
      counters.clear();
      metricRequests = 0;
      logRequests = 0;
    }
  }

  private void onTraces(ExportTraceServiceRequest request) {
    List<ReceivedSpan> received = new ArrayList<>();
    for (ResourceSpans rs : request.getResourceSpansList()) {
      for (ScopeSpans ss : rs.getScopeSpansList()) {
        for (Span span : ss.getSpansList()) {
          received.add(new ReceivedSpan(span, rs.getResource(), ss.getScope().getName()));
        }
      }
    }
    synchronized (lock) {
      spans.addAll(received);
      lastSpansNanos = System.nanoTime();
      lock.notifyAll();
    }
  }

  private void onMetrics(ExportMetricsServiceRequest request) {
    synchronized (lock) {
      metricRequests++;
      for (ResourceMetrics rm : request.getResourceMetricsList()) {
        for (ScopeMetrics sm : rm.getScopeMetricsList()) {
          for (Metric metric : sm.getMetricsList()) {
            if (!metric.hasSum()) {
              continue;
            }
            Map<Map<String, String>, Long> points =
                counters.computeIfAbsent(metric.getName(), n -> new HashMap<>());
            for (NumberDataPoint point : metric.getSum().getDataPointsList()) {
              Map<String, String> attributes = new HashMap<>();
              for (KeyValue kv : point.getAttributesList()) {
                attributes.put(kv.getKey(), kv.getValue().getStringValue());
              }
              points.put(attributes, point.getAsInt());
            }
          }
        }
      }
      lock.notifyAll();
    }
  }

  private void onLogs() {
    synchronized (lock) {
      logRequests++;
    }
  }

  /** Stops the server, waiting briefly for in-flight calls. */
  @Override
  public void close() {
    server.shutdownNow();
    try {
      server.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
